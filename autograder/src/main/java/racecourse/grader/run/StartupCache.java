package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The grading child JVM's startup cache: on JDK 25 the ahead-of-time cache (JEP 483/514/515), on
 * JDK 21–24 a dynamic class-data archive. Without it every child loads, verifies and links the same
 * ~1,500 classes of JUnit, the harness, Gson and ASM from the jars (about 0.45 s of CPU per
 * exercise); with it they are mapped from one file.
 * <p>
 * Trained lazily, once per set of jars, JDK and child JVM options, by {@code ChildTraining} (the
 * grader's own code, never a submission, since every later child maps the file), and kept in a
 * per-user cache folder ({@code $XDG_CACHE_HOME/racecourse/grader-child}, else
 * {@code ~/.cache/racecourse/grader-child}; the system property {@value #FOLDER_PROPERTY} overrides)
 * under a name that hashes the JDK, those options and every class path entry's path, size, time and
 * content. The child names the file with a JVM option ({@code -XX:AOTCache=FILE}), so a sandbox that
 * lets a child read only what its command line names lets it read the cache.
 * <p>
 * Only ever a speed-up: a class path with a folder on it (a build's {@code target/classes}, which the
 * JVM cannot cache), an unwritable cache folder, a failed training run or {@code RACECOURSE_CHILD_CACHE=off}
 * mean children start as before; a stale file is checked and ignored by the JVM itself.
 */
public final class StartupCache {
    /** System property naming the cache folder (tests, or a grading machine with a read-only home). */
    public static final String FOLDER_PROPERTY = "racecourse.cache.dir";
    /** Set to {@code off} in the grader's environment to start children without the cache (to compare). */
    public static final String SWITCH = "RACECOURSE_CHILD_CACHE";
    static final String TRAINING_MAIN = "racecourse.grader.child.ChildTraining";
    private static final int KEPT = 4;
    private static final long TRAINING_SECONDS = 180;
    private static final Map<String, List<String>> DECIDED = new ConcurrentHashMap<>();

    private StartupCache() {
    }

    /**
     * The JVM options that start a child of {@code java} with {@code jvmOptions} and {@code classPath}
     * from the cache, training it first if there is none yet; empty when there is no usable cache.
     * Decided once per process for each set of arguments.
     */
    public static List<String> options(String java, List<String> jvmOptions, String classPath) {
        if ("off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return List.of();
        }
        String decision = java + "\0" + String.join("\0", jvmOptions) + "\0" + classPath;
        List<String> known = DECIDED.get(decision);
        if (known != null) {
            return known;
        }
        synchronized (StartupCache.class) {
            return DECIDED.computeIfAbsent(decision, d -> decide(java, jvmOptions, classPath));
        }
    }

    /** The folder the caches are kept in. */
    public static Path folder() {
        String property = System.getProperty(FOLDER_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("racecourse").resolve("grader-child");
    }

    private static List<String> decide(String java, List<String> jvmOptions, String classPath) {
        int feature = Runtime.version().feature();
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    return List.of(); // the JVM caches classes from jars only
                }
                entries.add(p);
            }
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        Path folder = folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return List.of();
        }
        String key;
        try {
            key = key(java, feature, jvmOptions, entries);
        } catch (UncheckedIOException e) {
            return List.of();
        }
        String name = "child-" + key + (feature >= 25 ? ".aot" : ".jsa");
        Path cache = folder.resolve(name);
        Path failed = folder.resolve(name + ".failed");
        if (!Files.isRegularFile(cache) && !recentlyFailed(failed)) {
            train(java, feature, jvmOptions, classPath, folder, cache, failed);
        }
        return Files.isRegularFile(cache) ? use(feature, cache) : List.of();
    }

    /** A failed training is not retried for a day (it costs a child's run), then is. */
    private static boolean recentlyFailed(Path failed) {
        return Files.exists(failed) && System.currentTimeMillis() - modified(failed) < TimeUnit.DAYS.toMillis(1);
    }

    private static List<String> use(int feature, Path cache) {
        return feature >= 25 ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off", "-Xlog:cds*=off")
                : List.of("-XX:SharedArchiveFile=" + cache, "-Xlog:cds*=off");
    }

    private static List<String> record(int feature, Path output) {
        return feature >= 25 ? List.of("-XX:AOTCacheOutput=" + output, "-Xlog:aot*=off", "-Xlog:cds*=off")
                : List.of("-XX:ArchiveClassesAtExit=" + output, "-Xlog:cds*=off");
    }

    /**
     * Runs the training child and moves what it wrote into place; on failure writes {@code failed}
     * (one line, why), so later graders do not pay for a training that cannot work, and says so once.
     */
    private static void train(String java, int feature, List<String> jvmOptions, String classPath, Path folder,
                              Path cache, Path failed) {
        // Another grader process may be training the same cache: one at a time, the second finds it.
        try (FileChannel lockFile = FileChannel.open(folder.resolve(".training.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (Files.isRegularFile(cache)) {
                return;
            }
            Path scratch = Files.createTempDirectory("racecourse-child-training-");
            Path output = folder.resolve(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvmOptions);
                command.addAll(record(feature, output));
                command.addAll(List.of("-Djava.io.tmpdir=" + scratch, "-cp", classPath, TRAINING_MAIN, scratch.toString()));
                Path log = scratch.resolve("training.log");
                Process p = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                String why = null;
                if (!p.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                    p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    why = "the training run took over " + TRAINING_SECONDS + " s";
                } else if (p.exitValue() != 0) {
                    why = "the training run failed (exit " + p.exitValue() + ")" + lastLine(log);
                } else if (!Files.isRegularFile(output)) {
                    why = "the JVM wrote no cache" + lastLine(log);
                }
                if (why != null) {
                    Files.writeString(failed, why + "\n", StandardCharsets.UTF_8);
                    System.err.println("racecourse grade: no startup cache for the exercises' JVMs (" + why
                            + "); grading goes on without it, a little slower");
                    return;
                }
                try {
                    Files.move(output, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING);
                }
                prune(folder, cache);
            } finally {
                Files.deleteIfExists(output);
                deleteTree(scratch);
            }
        } catch (IOException e) {
            // No cache: children start as they would without one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the newest few caches (one per build a machine graded with), so old builds' files go. */
    private static void prune(Path folder, Path keep) throws IOException {
        List<Path> caches;
        try (Stream<Path> s = Files.list(folder)) {
            caches = s.filter(p -> p.getFileName().toString().startsWith("child-")
                            && (p.toString().endsWith(".aot") || p.toString().endsWith(".jsa")) && !p.equals(keep))
                    .sorted(Comparator.comparing(StartupCache::modified).reversed()).toList();
        }
        for (Path old : caches.subList(Math.min(caches.size(), KEPT - 1), caches.size())) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".failed"));
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What the cache depends on: the JDK, the child's JVM options, and each class path entry's path
     * (the JVM requires the same class path), size and modification time (the JVM checks both and
     * ignores a cache whose jars differ) and content.
     */
    static String key(String java, int feature, List<String> jvmOptions, List<Path> entries) {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            update(all, "racecourse child startup cache 1");
            update(all, java);
            update(all, Integer.toString(feature));
            update(all, System.getProperty("java.vm.version", ""));
            jvmOptions.forEach(o -> update(all, o));
            for (Path entry : entries) {
                update(all, entry.toAbsolutePath().normalize().toString());
                if (Files.isRegularFile(entry)) {
                    update(all, Files.size(entry) + "@" + Files.getLastModifiedTime(entry).toMillis());
                    // CRC-32C: an intrinsic even before the JIT has warmed up, where SHA-256 over
                    // 20 MiB of jars cost the grader a third of a second of CPU.
                    CRC32C content = new CRC32C();
                    try (InputStream in = Files.newInputStream(entry)) {
                        byte[] buf = new byte[1 << 16];
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            content.update(buf, 0, n);
                        }
                    }
                    update(all, Long.toHexString(content.getValue()));
                } else {
                    update(all, "missing");
                }
            }
            return HexFormat.of().formatHex(all.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    private static String lastLine(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            String last = lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
            return last.isEmpty() ? "" : ": " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temp file left behind
                }
            });
        } catch (IOException e) {
            // a temp folder left behind
        }
    }
}
