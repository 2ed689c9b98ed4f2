package racecourse.grader.run;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import racecourse.grader.harness.Stress;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exercise's suites in a child JVM (the same java binary as the grader): heap, threads,
 * processes and wall-clock time limited, output captured and cut at the limit, a throwaway working
 * directory, no network but loopback where the sandbox works. On timeout the whole process tree is
 * destroyed. Results come only from the result file, in lines carrying a random token that the
 * child read from stdin before any submission code ran.
 */
public final class ChildRunner {
    private static final Gson GSON = new Gson();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChildRunner() {
    }

    public static ChildOutcome run(String exercise, Path classes, Path work, long seed, Limits limits, List<Path> hide)
            throws IOException, InterruptedException {
        // The bench's rounds factor (off unless set on the grader's JVM) reaches the suites' JVM.
        String roundsScale = System.getProperty(Stress.ROUNDS_SCALE);
        List<String> jvmOptions = roundsScale == null ? List.of() : List.of("-D" + Stress.ROUNDS_SCALE + "=" + roundsScale);
        return run(exercise, new ChildCommand(jvmOptions, List.of(), "racecourse.grader.child.ChildMain",
                resultFile -> List.of(exercise, classes.toString(), resultFile.toString(), Long.toString(seed),
                        Integer.toString(limits.threadCap()), Integer.toString(limits.processCap()))),
                work, limits, hide);
    }

    /** Runs {@code child} under the same limits, sandbox and token protocol as an exercise's suites. */
    public static ChildOutcome run(String label, ChildCommand child, Path work, Limits limits, List<Path> hide)
            throws IOException, InterruptedException {
        byte[] t = new byte[16];
        RANDOM.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        Path resultFile = work.resolve("results-" + token + ".jsonl");
        Files.createFile(resultFile);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-Djava.io.tmpdir=" + cwd, "-Djava.awt.headless=true"));
        command.addAll(child.jvmOptions());
        List<String> classPath = new ArrayList<>(child.classPathFirst().stream().map(Path::toString).toList());
        classPath.add(ChildClassPath.of(System.getProperty("java.class.path")));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), child.mainClass()));
        command.addAll(child.arguments().apply(resultFile));
        ProcessBuilder pb = new ProcessBuilder().directory(cwd.toFile());
        // Programs the submission starts (sort, ...) keep their temporary files in the working directory too.
        pb.environment().put("TMPDIR", cwd.toString());
        boolean sandboxed = Sandbox.available();
        pb.command(sandboxed ? Sandbox.wrap(command, hide, List.of(cwd, resultFile), pb.environment()) : command);
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
        return new ChildOutcome(readLines(resultFile, token), !done, status, output.text(), sandboxed);
    }

    private static void destroyTree(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readLines(Path file, String token) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                Map<String, Object> m = GSON.fromJson(line, Map.class);
                if (m != null && token.equals(m.get("token"))) {
                    lines.add(m);
                }
            } catch (JsonSyntaxException e) {
                // not ours
            }
        }
        return lines;
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
