package racecourse.grader.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What bwrap lets a child read comes from its java command: every file the JVM options name, nothing of its arguments. */
class ChildFilesTest {
    @Test
    void everyFileTheJvmOptionsNameIsReadableAndNoArgument(@TempDir Path dir) throws Exception {
        Path agent = Files.createFile(dir.resolve("agent.jar"));
        Path aot = Files.createFile(dir.resolve("child.aot"));
        Path jsa = Files.createFile(dir.resolve("base.jsa"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path boot = Files.createFile(dir.resolve("boot.jar"));
        Path withClassPath = dir.resolve("main.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "deps/a.jar deps/b.jar");
        try (OutputStream out = Files.newOutputStream(withClassPath); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        Path argument = dir.resolve("student-folder");
        String java = ChildRunner.java();
        List<Path> files = ChildFiles.of(List.of(java, "-Xmx256m", "-javaagent:" + agent + "=verbose",
                "-XX:AOTCache=" + aot, "-XX:SharedArchiveFile=" + jsa, "-Xbootclasspath/a:" + boot,
                "-cp", classes + ":" + withClassPath + ":" + lib + "/*", "some.Main", argument.toString(), "-cp", "/etc"));
        assertTrue(files.contains(ChildFiles.jdkOf(Path.of(java))), files.toString());
        for (Path p : List.of(agent, aot, jsa, boot, classes, withClassPath, lib, dir.resolve("deps/a.jar"), dir.resolve("deps/b.jar"))) {
            assertTrue(files.contains(p), p + " missing from " + files);
        }
        assertFalse(files.contains(argument) || files.contains(Path.of("/etc")), "the program's arguments are its own: " + files);
    }

    /**
     * A real child JVM in bwrap with an AOT cache (JDK 25+) outside every allowed folder, required
     * ({@code -XX:AOTMode=on} stops the JVM if it cannot map the cache): it starts, because the option
     * names the file.
     */
    @Test
    void aChildJvmInBwrapMapsTheAotCacheItsOptionsName(@TempDir Path dir) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches (-XX:AOTCacheOutput) need JDK 25");
        assumeTrue(Sandbox.kind() == Sandbox.Kind.BWRAP, "bwrap does not work on this machine");
        Path cache = dir.resolve("grader.aot");
        run(List.of(ChildRunner.java(), "-XX:AOTCacheOutput=" + cache, "-version"), dir, false);
        assertTrue(Files.isRegularFile(cache), "no AOT cache was made");
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        String out = run(List.of(ChildRunner.java(), "-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-Xlog:aot=info",
                "-version"), cwd, true);
        assertTrue(out.contains("version"), out);
    }

    private static String run(List<String> command, Path cwd, boolean sandboxed) throws Exception {
        ProcessBuilder pb = new ProcessBuilder().directory(cwd.toFile()).redirectErrorStream(true);
        pb.command(sandboxed ? Sandbox.wrap(Sandbox.Kind.BWRAP, command, List.of(), List.of(cwd), List.of(), cwd, pb.environment())
                : command);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), pb.command() + "\n" + out);
        return out;
    }
}
