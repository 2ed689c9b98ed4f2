package racecourse.grader.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The children's startup cache, with real JVMs: trained from a jar-only class path (the build's
 * class folders jarred up, as in the CLI's {@code lib/}), then a child started with the options it
 * gives must map JUnit's classes from it, with {@code -XX:AOTMode=on} (JDK 25) / {@code -Xshare:on}
 * making the JVM refuse to start if the cache cannot be used.
 */
class StartupCacheTest {
    private static final Limits LIMITS = Limits.defaults();

    @Test
    void aTrainedCacheIsWhereTheJunitLauncherComesFrom(@TempDir Path tmp) throws Exception {
        String classPath = jarOnly(ChildClassPath.of(System.getProperty("java.class.path")), tmp.resolve("jars"));
        Path folder = tmp.resolve("cache");
        List<String> options = withFolder(folder, () -> StartupCache.options(ChildRunner.java(), ChildRunner.jvmOptions(LIMITS), classPath));

        String file = options.stream().filter(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:SharedArchiveFile="))
                .findFirst().map(o -> o.substring(o.indexOf('=') + 1)).orElseThrow(() -> new AssertionError("no cache option in " + options));
        assertTrue(Path.of(file).startsWith(folder), file);
        assertTrue(Files.size(Path.of(file)) > 1 << 20, "a cache of some size: " + file);

        // The child as the grader starts it, but told to fail if the cache is unusable, and to say
        // where each class came from.
        List<String> command = new ArrayList<>(List.of(ChildRunner.java()));
        command.addAll(ChildRunner.jvmOptions(LIMITS));
        command.addAll(options.stream().filter(o -> !o.startsWith("-Xlog")).toList());
        command.add(Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
        command.addAll(List.of("-Xlog:class+load=info", "-cp", classPath, StartupCache.TRAINING_MAIN,
                Files.createDirectories(tmp.resolve("scratch")).toString()));
        Path out = tmp.resolve("child.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ran within 120 s");
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "the child with the cache: " + tail(log));
        assertTrue(log.lines().anyMatch(l -> l.contains("org.junit.platform.launcher.core.LauncherFactory source: shared objects file")),
                () -> "JUnit's launcher from the cache: " + tail(log));
    }

    @Test
    void theKeyChangesWithAJarsContentOrTimeAndTheJdksOptions(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("a.jar");
        Files.write(jar, new byte[]{1, 2, 3});
        FileTime time = Files.getLastModifiedTime(jar);
        List<String> options = ChildRunner.jvmOptions(LIMITS);
        String key = StartupCache.key("java", 25, options, List.of(jar));
        assertEquals(key, StartupCache.key("java", 25, options, List.of(jar)));

        Files.write(jar, new byte[]{1, 2, 4});
        Files.setLastModifiedTime(jar, time);
        assertNotEquals(key, StartupCache.key("java", 25, options, List.of(jar)), "same size and time, other content");
        Files.write(jar, new byte[]{1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(time.toMillis() + 2000));
        assertNotEquals(key, StartupCache.key("java", 25, options, List.of(jar)), "same content, other time (the JVM checks it)");
        Files.setLastModifiedTime(jar, time);
        assertEquals(key, StartupCache.key("java", 25, options, List.of(jar)));
        assertNotEquals(key, StartupCache.key("java", 24, options, List.of(jar)), "another JDK");
        assertNotEquals(key, StartupCache.key("java", 25, ChildRunner.jvmOptions(new Limits(LIMITS.wall(), 512,
                LIMITS.threadCap(), LIMITS.processCap(), LIMITS.outputBytes(), 0)), List.of(jar)), "another heap");
    }

    @Test
    void aFolderOnTheClassPathMeansNoCache(@TempDir Path tmp) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "not really");
        Path folder = tmp.resolve("cache");
        List<String> options = withFolder(folder, () -> StartupCache.options(ChildRunner.java(), ChildRunner.jvmOptions(LIMITS),
                classes.toString()));
        assertEquals(List.of(), options);
        assertTrue(!Files.exists(folder) || isEmpty(folder), "nothing trained");
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T withFolder(Path folder, Call<T> call) throws Exception {
        String before = System.getProperty(StartupCache.FOLDER_PROPERTY);
        System.setProperty(StartupCache.FOLDER_PROPERTY, folder.toString());
        try {
            return call.call();
        } finally {
            if (before == null) {
                System.clearProperty(StartupCache.FOLDER_PROPERTY);
            } else {
                System.setProperty(StartupCache.FOLDER_PROPERTY, before);
            }
        }
    }

    /** {@code classPath} with every folder replaced by a jar of it. */
    private static String jarOnly(String classPath, Path jars) throws IOException {
        Files.createDirectories(jars);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                entries.add(entry);
                continue;
            }
            Path jar = jars.resolve("folder-" + (n++) + ".jar");
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> walk = Files.walk(p)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(p.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    private static String tail(String log) {
        return log.length() > 3000 ? log.substring(log.length() - 3000) : log;
    }
}
