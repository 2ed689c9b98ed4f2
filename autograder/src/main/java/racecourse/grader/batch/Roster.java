package racecourse.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The students of a ROOT folder: one per folder {@code ROOT/<id>/} or zip {@code ROOT/<id>.zip}.
 * Everything else is listed as ignored, with the reason. Names that cannot be graded as they are
 * (the same id twice, as {@code alice/} and {@code alice.zip} or differing only in case; an id that
 * would overwrite an output file) become a student with a {@code problem}, so that they show up in
 * the gradebook instead of vanishing.
 */
public record Roster(List<Student> students, List<String> ignored, String fingerprint) {
    /** Output names in DIR that a student folder must not take. */
    static final Set<String> RESERVED = Set.of("gradebook.csv", "summary.md", "totals.png", "roster.csv", "reviews.csv");

    /** A student: id, what ROOT holds for them (null for a problem row), and why they cannot be graded (or null). */
    public record Student(String id, Path path, String source, String problem) {
    }

    public static Roster of(Path root, Path out) throws IOException {
        if (!Files.isDirectory(root)) {
            throw Files.exists(root) ? new NotDirectoryException(root + " is not a folder of student folders and zips")
                    : new java.nio.file.NoSuchFileException(root.toString());
        }
        Path outReal = Files.exists(out) ? out.toRealPath() : null;
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<String> ignored = new ArrayList<>();
        Map<String, List<Student>> byId = new LinkedHashMap<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                ignored.add("ignored " + printable(name) + ": hidden");
                continue;
            }
            if (outReal != null && p.toRealPath().equals(outReal)) {
                ignored.add("ignored " + printable(name) + ": it is the output folder");
                continue;
            }
            String id;
            String source;
            if (Files.isDirectory(p)) {
                id = name;
                source = name + "/";
            } else if (Files.isRegularFile(p) && name.toLowerCase(Locale.ROOT).endsWith(".zip") && name.length() > 4) {
                id = name.substring(0, name.length() - 4);
                source = name;
            } else {
                ignored.add("ignored " + printable(name) + ": not a folder or a .zip"
                        + (Files.isSymbolicLink(p) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? " (broken link)" : ""));
                continue;
            }
            String problem = RESERVED.contains(id.toLowerCase(Locale.ROOT))
                    ? "the id " + id + " would overwrite an output file of the gradebook; rename " + source : null;
            byId.computeIfAbsent(Shard.normal(id), k -> new ArrayList<>()).add(new Student(id, p, source, problem));
        }
        List<Student> students = new ArrayList<>();
        for (List<Student> same : byId.values()) {
            if (same.size() == 1) {
                students.add(same.get(0));
            } else {
                String sources = String.join(" and ", same.stream().map(Student::source).toList());
                students.add(new Student(same.get(0).id(), null, sources,
                        "the same student twice (" + sources + "); keep one and regrade"));
            }
        }
        students.sort(Comparator.comparing(Student::id));
        return new Roster(List.copyOf(students), List.copyOf(ignored), fingerprint(students));
    }

    public Roster shard(Shard shard) {
        return new Roster(students.stream().filter(s -> shard.contains(s.id())).toList(), ignored, fingerprint);
    }

    private static String fingerprint(List<Student> students) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Student s : students) {
                md.update((s.id() + "\u0000" + s.source() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name for a one-line message: control characters escaped, so a hostile name cannot forge lines. */
    public static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
