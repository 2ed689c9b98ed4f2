package racecourse.grader.batch;

import racecourse.grader.Grader;
import racecourse.grader.harness.Suites;
import racecourse.grader.run.Limits;
import racecourse.grader.submission.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a graded exercise depends on, as hashes: the grader's own code (every class under
 * {@code racecourse/grader/} except the suites and this batch package: the grader version), the
 * exercise's test suites (public and hidden, nested classes included), the Java feature version,
 * the limits, the seed, the number of confirmation reruns, and the student's file for that
 * exercise (its path in the submission and its bytes). A change to any of them changes the key, so
 * that exercise is graded again; nothing else is. Hashes come from the class files themselves, so
 * a rebuilt grader with a changed test regrades that exercise without anyone bumping a version.
 */
public final class Fingerprint {
    private static final String FORMAT = "racecourse-regrade/1";
    private final Map<String, byte[]> classes;
    private final String graderVersion;

    private Fingerprint(Map<String, byte[]> classes) {
        this.classes = classes;
        MessageDigest md = sha();
        classes.forEach((name, hash) -> {
            if (name.startsWith("racecourse/grader/")
                    && !name.startsWith("racecourse/grader/batch/")) {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update(hash);
            }
        });
        md.update(("java " + Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
        this.graderVersion = hex(md.digest()).substring(0, 16);
    }

    /** Reads the grader's class files from where {@link Grader} was loaded (a jar or a folder). */
    public static Fingerprint ofThisGrader() throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        for (Class<?> anchor : Arrays.asList(Grader.class, classOf(Suites.publicSuite("SafeCounter")),
                classOf(Suites.hiddenSuite("SafeCounter")))) {
            if (anchor == null) {
                continue;
            }
            Path where;
            try {
                where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IOException("cannot find the grader's class files: " + e);
            }
            scan(where, classes);
        }
        return new Fingerprint(classes);
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name, false, Fingerprint.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static void scan(Path where, Map<String, byte[]> out) throws IOException {
        if (Files.isDirectory(where)) {
            try (Stream<Path> walk = Files.walk(where)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                    out.put(where.relativize(p).toString().replace('\\', '/'), sha().digest(Files.readAllBytes(p)));
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(where.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.put(e.getName(), sha().digest(in.readAllBytes()));
                    }
                }
            }
        }
    }

    public String graderVersion() {
        return graderVersion;
    }

    /** Hash of an exercise's suites: each suite class and its nested classes. */
    public String suite(String exercise) {
        MessageDigest md = sha();
        for (String suite : Suites.of(exercise)) {
            String base = suite.replace('.', '/');
            classes.forEach((name, hash) -> {
                if (name.equals(base + ".class") || name.startsWith(base + "$")) {
                    md.update(name.getBytes(StandardCharsets.UTF_8));
                    md.update(hash);
                }
            });
        }
        return hex(md.digest()).substring(0, 16);
    }

    /** The key of one student's exercise: equal keys give the same grading (up to the OS scheduler). */
    public String key(String exercise, SourceFile file, long seed, int confirm, Limits limits) {
        MessageDigest md = sha();
        String head = String.join("\n", FORMAT, exercise, graderVersion, suite(exercise), Long.toString(seed),
                Integer.toString(confirm), limits.toString(), "");
        md.update(head.getBytes(StandardCharsets.UTF_8));
        if (file == null) {
            md.update("absent".getBytes(StandardCharsets.UTF_8));
        } else {
            md.update(("origin " + file.origin() + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(file.problem() != null ? ("problem " + file.problem()).getBytes(StandardCharsets.UTF_8)
                    : ("text\n" + file.text()).getBytes(StandardCharsets.UTF_8));
        }
        return hex(md.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
