package racecourse.grader.batch;

import racecourse.grader.run.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A small generated class for the regrade tests, graded on SafeCounter only (about 2 s a student). */
final class ClassFixture {
    static final Path HOME = Path.of(System.getProperty("racecourse.home", "..")).toAbsolutePath().normalize();
    static final String REFERENCE = read(HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java"));
    static final String OFF_BY_ONE = read(HOME.resolve("autograder/corpus/SafeCounter/off-by-one/SafeCounter.java"));
    static final String BROKEN = "package exercises;\npublic final class SafeCounter { this does not compile }\n";

    private ClassFixture() {
    }

    /** alice (reference, a zip), bob (functional bug), carol (does not compile), "d a ü" (reference, a folder), empty, a corrupt zip. */
    static Path make(Path root) throws IOException {
        Files.createDirectories(root);
        zip(root.resolve("alice.zip"), "alice/SafeCounter.java", REFERENCE);
        write(root.resolve("bob/src/SafeCounter.java"), OFF_BY_ONE);
        write(root.resolve("carol/SafeCounter.java"), BROKEN);
        write(root.resolve("d a \u00fc/SafeCounter.java"), REFERENCE);
        Files.createDirectories(root.resolve("empty"));
        Files.write(root.resolve("zed.zip"), "PK\u0003\u0004 truncated upload".getBytes(StandardCharsets.ISO_8859_1));
        return root;
    }

    static Regrade.Request request(Path root, Path out, Shard shard, boolean force) {
        return new Regrade.Request(root, out, 2, shard, 7, force, 0, List.of("SafeCounter"), Limits.defaults(), HOME);
    }

    static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static void zip(Path zip, String entry, String text) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records progress calls; thread-safe. */
    static final class Recorder implements Progress {
        final List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        volatile int toGrade = -1;
        volatile int cached = -1;

        public void start(int students, int toGrade, int cached) {
            this.toGrade = toGrade;
            this.cached = cached;
        }

        public void graded(String student, String exercise, Ending ending, double score, double points, String reason) {
            lines.add(student + " " + exercise + " " + (ending == Ending.GRADED ? score : ending + " " + reason));
        }

        public void note(String line) {
            lines.add(line);
        }

        public void finish() {
        }
    }
}
