package racecourse.grader.run;

import racecourse.grader.harness.Stress;
import racecourse.grader.model.ChildEvents;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exercise's suites in a child JVM (the same java binary as the grader): heap, threads,
 * processes and wall-clock time limited, output captured and cut at the limit, a throwaway working
 * directory, no network but loopback where the sandbox works. On timeout the whole process tree is
 * destroyed. Results come only from the result file, in lines carrying a random token that the
 * child read from stdin before any submission code ran.
 */
public final class ChildRunner {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChildRunner() {
    }

    public static ChildOutcome run(String exercise, Path classes, Path work, long seed, Limits limits, List<Path> hide)
            throws IOException, InterruptedException {
        // Only the suites' child starts from the cache: its class path is always the same, while the
        // explain child's starts with the submission's copies. The bench's rounds factor (off unless
        // set on the grader's JVM) reaches the suites' JVM.
        List<String> options = new ArrayList<>(StartupCache.options(java(), jvmOptions(limits),
                ChildClassPath.of(System.getProperty("java.class.path"))));
        String roundsScale = System.getProperty(Stress.ROUNDS_SCALE);
        if (roundsScale != null) {
            options.add("-D" + Stress.ROUNDS_SCALE + "=" + roundsScale);
        }
        return run(exercise, new ChildCommand(options, List.of(), "racecourse.grader.child.ChildMain",
                resultFile -> List.of(exercise, classes.toString(), resultFile.toString(), Long.toString(seed),
                        Integer.toString(limits.threadCap()), Integer.toString(limits.processCap())), List.of(classes)),
                work, limits, hide);
    }

    /** Runs {@code child} under the same limits, sandbox and token protocol as an exercise's suites. */
    public static ChildOutcome run(String label, ChildCommand child, Path work, Limits limits, List<Path> hide)
            throws IOException, InterruptedException {
        byte[] t = new byte[16];
        RANDOM.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        // Named apart from the token: the child can read its own command line, which names this file.
        byte[] n = new byte[8];
        RANDOM.nextBytes(n);
        Path resultFile = work.resolve("results-" + HexFormat.of().formatHex(n) + ".jsonl");
        Files.createFile(resultFile);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions(limits));
        command.addAll(List.of("-Djava.io.tmpdir=" + cwd, "-Djava.awt.headless=true"));
        command.addAll(child.jvmOptions());
        List<String> classPath = new ArrayList<>(child.classPathFirst().stream().map(Path::toString).toList());
        classPath.add(ChildClassPath.of(System.getProperty("java.class.path")));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), child.mainClass()));
        command.addAll(child.arguments().apply(resultFile));
        ProcessBuilder pb = new ProcessBuilder().directory(cwd.toFile());
        // Programs the submission starts (sort, ...) keep their temporary files in the working directory too.
        pb.environment().put("TMPDIR", cwd.toString());
        Sandbox.Kind sandbox = Sandbox.kind();
        List<String> wrapped = new ArrayList<>(Sandbox.wrap(sandbox, command, child.reads(), List.of(cwd, resultFile), hide, cwd,
                pb.environment()));
        if (limits.niceness() > 0) {
            // Outside the sandbox, so bwrap and everything it starts run at the lower priority.
            wrapped.addAll(0, List.of("nice", "-n", Integer.toString(limits.niceness())));
        }
        pb.command(wrapped);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        CappedOutput output = new CappedOutput(limits.outputBytes());
        Thread drainer = Thread.ofPlatform().name("grader-output-" + label).daemon()
                .start(() -> output.drain(p.getInputStream()));
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The child died before reading its token: its outcome says so.
        }
        boolean done = p.waitFor(limits.wall().toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            destroyTree(p);
        }
        // Grandchildren may still hold the output pipe open; their tree is gone after destroyTree,
        // but do not wait long for the pipe either way.
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        drainer.join(2000);
        int status = done ? p.exitValue() : -1;
        ChildEvents.Read read;
        // A decoder that replaces malformed bytes (Files.newBufferedReader would throw on them).
        try (var in = new java.io.InputStreamReader(Files.newInputStream(resultFile), StandardCharsets.UTF_8)) {
            read = ChildEvents.read(in, token);
        }
        return new ChildOutcome(read.events(), read.rejected(), !done, status, output.text(), sandbox == Sandbox.Kind.BWRAP);
    }

    /** The java binary the children run: the grader's own. */
    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The JVM options every child gets (the startup cache is trained with the same). */
    static List<String> jvmOptions(Limits limits) {
        return List.of("-Xmx" + limits.heapMegabytes() + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData");
    }

    private static void destroyTree(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
    }

    /** Keeps the first {@code cap} bytes of a stream and counts the rest. */
    private static final class CappedOutput {
        private final int cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long dropped;

        CappedOutput(int cap) {
            this.cap = cap;
        }

        void drain(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        int keep = Math.max(0, Math.min(n, cap - kept.size()));
                        kept.write(buf, 0, keep);
                        dropped += n - keep;
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        synchronized String text() {
            String s = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? s : s + "\n[output cut at " + cap + " bytes; " + dropped + " more bytes dropped]";
        }
    }
}
