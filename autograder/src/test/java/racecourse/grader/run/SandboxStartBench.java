package racecourse.grader.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What each sandbox adds to a child's start: {@code runs} times, interleaved, {@code true} and a
 * child JVM that exits at once (the suites' JVM options and class path), wrapped in no sandbox, in
 * unshare and in bwrap; prints the median and max of each in milliseconds. Run from the repository:
 * {@code java -cp autograder/target/classes:autograder/target/test-classes:$(cat cp.txt)
 * racecourse.grader.run.SandboxStartBench 20} (cp.txt from {@code mvn dependency:build-classpath}).
 */
public final class SandboxStartBench {
    /** The child: a JVM that starts and exits. */
    public static final class Exit {
        public static void main(String[] args) {
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("the grader would use: " + Sandbox.kind().label()); // also reads bwrap's version, as the grader does
        Path dir = Files.createTempDirectory("racecourse-sandbox-bench-");
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path result = Files.createFile(dir.resolve("results.jsonl"));
        List<String> jvm = List.of(ChildRunner.java(), "-Xmx256m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-Djava.io.tmpdir=" + cwd, "-Djava.awt.headless=true",
                "-cp", ChildClassPath.of(System.getProperty("java.class.path")), Exit.class.getName());
        List<List<String>> commands = List.of(List.of("true"), jvm);
        Sandbox.Kind[] kinds = Sandbox.Kind.values();
        long[][][] ms = new long[commands.size()][kinds.length][runs];
        for (int r = 0; r < runs; r++) {
            for (int c = 0; c < commands.size(); c++) {
                for (int k = 0; k < kinds.length; k++) {
                    ProcessBuilder pb = new ProcessBuilder().directory(cwd.toFile());
                    long start = System.nanoTime();
                    pb.command(Sandbox.wrap(kinds[k], commands.get(c), List.of(), List.of(cwd, result), List.of(), cwd,
                            pb.environment()));
                    Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        throw new IllegalStateException(kinds[k] + " " + commands.get(c).get(0) + " failed: " + pb.command());
                    }
                    ms[c][k][r] = (System.nanoTime() - start) / 1_000_000;
                }
            }
        }
        System.out.println("command | sandbox | median ms | max ms  (" + runs + " runs)");
        for (int c = 0; c < commands.size(); c++) {
            for (int k = 0; k < kinds.length; k++) {
                long[] s = ms[c][k].clone();
                Arrays.sort(s);
                double median = runs % 2 == 1 ? s[runs / 2] : (s[runs / 2 - 1] + s[runs / 2]) / 2.0;
                System.out.println(String.format(Locale.ROOT, "%s | %s | %.1f | %d", c == 0 ? "true" : "child JVM",
                        kinds[k].label(), median, s[runs - 1]));
            }
        }
        for (Path p : List.of(result, cwd, dir)) {
            Files.deleteIfExists(p);
        }
    }
}
