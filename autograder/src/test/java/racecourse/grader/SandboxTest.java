package racecourse.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.grader.batch.Progress;
import racecourse.grader.batch.Regrade;
import racecourse.grader.batch.Shard;
import racecourse.results.ExerciseResult;
import racecourse.grader.run.Sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sandbox, tested from the submission's side: a probe SafeCounter tries, in its constructor, to
 * read the reference solution and a hidden test's source, to connect to a TEST-NET address
 * (192.0.2.1, RFC 5737: never routed; inside the sandbox there is no route at all, so nothing is
 * sent), to write outside its working directory, looks at its capabilities and counts the processes
 * in {@code /proc}; it then throws what it saw, which the grader keeps as the failed tests' message.
 * A second probe attacks a real regrade through its ancestors' command lines, looking for a
 * classmate's source and results and an instructor's file. In bwrap every one of those is shut off;
 * in the unshare fallback (bwrap missing from PATH, or {@code RACECOURSE_SANDBOX=unshare}) all but the
 * PID namespace are, the attack gets through (the control) and the grading warns; without a sandbox
 * ({@code RACECOURSE_SANDBOX=off}) the first probe reads the references (the other control) and the
 * grading carries the no-sandbox warning.
 */
@Execution(ExecutionMode.CONCURRENT)
class SandboxTest {
    static final Path SOLUTION = Grading.HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java");
    static final Path HIDDEN = Grading.HOME.resolve("autograder-hidden/src/main/java/racecourse/instructor/suites/SafeCounterHiddenTest.java");

    /** A SafeCounter whose constructor reports what it could do; {@code %s}: network probe on, escape file. */
    static final String PROBE = """
            package exercises;
            import java.nio.file.*;
            public final class SafeCounter {
                public SafeCounter() {
                    StringBuilder r = new StringBuilder("PROBE");
                    r.append(" solutions=").append(read("%1$s"));
                    r.append(" hidden=").append(read("%2$s"));
                    if (%3$s) {
                        try (java.net.Socket s = new java.net.Socket()) {
                            s.connect(new java.net.InetSocketAddress("192.0.2.1", 9), 300);
                            r.append(" net=CONNECTED");
                        } catch (Exception e) {
                            r.append(" net=").append(e.getClass().getSimpleName()).append(':').append(String.valueOf(e.getMessage()).replace(' ', '_'));
                        }
                        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                             java.net.Socket c = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                            r.append(" loopback=ok");
                        } catch (Exception e) {
                            r.append(" loopback=").append(e.getClass().getSimpleName());
                        }
                    }
                    r.append(" escape=").append(write(Path.of("%4$s")));
                    r.append(" tmp=").append(write(Path.of("/tmp/racecourse-escape-%5$s")));
                    r.append(" cwd=").append(write(Path.of("probe.txt").toAbsolutePath()));
                    try {
                        r.append(" caps=").append(Files.readAllLines(Path.of("/proc/self/status")).stream()
                                .filter(l -> l.startsWith("CapEff:")).findFirst().orElse("?").replaceAll("\\\\s+", ""));
                    } catch (Exception e) {
                        r.append(" caps=?");
                    }
                    try (var ps = Files.list(Path.of("/proc"))) {
                        r.append(" processes=").append(ps.filter(p -> p.getFileName().toString().matches("[0-9]+")).count());
                    } catch (Exception e) {
                        r.append(" processes=?");
                    }
                    throw new IllegalStateException(r + " END");
                }
                static String read(String file) {
                    try {
                        return Files.readString(Path.of(file)).isEmpty() ? "empty" : "READ";
                    } catch (Exception e) {
                        return e.getClass().getSimpleName();
                    }
                }
                static String write(Path file) {
                    try {
                        Files.writeString(file, "escaped");
                        return "WROTE";
                    } catch (Exception e) {
                        return e.getClass().getSimpleName();
                    }
                }
                public void increment() { }
                public long get() { return 0; }
            }
            """;

    static String probe(boolean network, Path escape, String id) {
        return PROBE.formatted(SOLUTION, HIDDEN, network, escape, id);
    }

    /** What the probe saw, from the grader's results (the failed tests' message). */
    static String report(ExerciseResult r) {
        String m = r.tests().stream().map(t -> String.valueOf(t.message())).filter(s -> s.contains("PROBE")).findFirst()
                .orElseThrow(() -> new AssertionError("no probe report in the results:" + Grading.describe(r)));
        return m.substring(m.indexOf("PROBE"), m.indexOf(" END"));
    }

    static boolean unshareWorks() throws Exception {
        return works("unshare", "-rnm", "true");
    }

    static boolean bwrapWorks() throws Exception {
        return works("bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true");
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false; // not installed
        }
    }

    /** What every sandbox must give: the probe's view of the references, hidden sources, network, file system and capabilities. */
    static void assertConfined(String seen) {
        // (a) the references and the hidden tests' sources are not there, or covered by an empty, unreadable folder
        assertTrue(seen.contains(" solutions=AccessDeniedException") || seen.contains(" solutions=NoSuchFileException"), seen);
        assertTrue(seen.contains(" hidden=AccessDeniedException") || seen.contains(" hidden=NoSuchFileException"), seen);
        // (b) no route beyond loopback: refused at once ("Network is unreachable"), not a timeout, never connected;
        // loopback works (the echo servers need it)
        assertTrue(seen.contains(" net=") && seen.toLowerCase().contains("unreachable"), seen);
        assertFalse(seen.contains("net=CONNECTED") || seen.contains("net=SocketTimeoutException"), seen);
        assertTrue(seen.contains(" loopback=ok"), seen);
        // (c) everything but the working directory is read-only, and the child cannot undo that
        assertTrue(seen.contains(" escape=FileSystemException") || seen.contains(" escape=AccessDeniedException"), seen);
        assertTrue(seen.contains(" tmp=FileSystemException") || seen.contains(" tmp=AccessDeniedException"), seen);
        assertTrue(seen.contains(" cwd=WROTE"), seen);
        assertTrue(seen.contains(" caps=CapEff:0000000000000000"), seen);
    }

    @Test
    void theSubmissionCanReadNoReferenceNoHiddenSourceReachNoNetworkAndWriteOnlyItsWorkingDirectory(@TempDir Path dir) throws Exception {
        assumeTrue(bwrapWorks(), "bwrap does not work on this machine (the fallbacks are tested below)");
        assertEquals(Sandbox.Kind.BWRAP, Sandbox.kind(), "bwrap works here, so the sandbox must use it (or is RACECOURSE_SANDBOX set?)");
        assertTrue(Files.isRegularFile(SOLUTION) && Files.isRegularFile(HIDDEN), "the probed files exist");
        String id = UUID.randomUUID().toString();
        Path escape = Grading.HOME.resolve("autograder/target/sandbox-escape-" + id);
        Files.writeString(dir.resolve("SafeCounter.java"), probe(true, escape, id));
        racecourse.results.Grading g = Grading.grade(dir, 1, "SafeCounter");
        ExerciseResult r = g.exercises().get(0);
        String seen = report(r);
        assertTrue(g.sandboxed(), seen);
        assertTrue(g.notes().stream().noneMatch(racecourse.results.Grading.SANDBOX_WARNINGS::contains), g.notes().toString());
        assertEquals(0.0, r.score(), Grading.describe(r));
        assertTrue(r.tests().stream().allMatch(t -> t.verdict().label().equals("functional")), Grading.describe(r));
        assertConfined(seen);
        // (d) its own PID namespace: /proc lists bwrap's reaper and the child JVM, none of the host's processes
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" processes=(\\d+)").matcher(seen);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) <= 3, seen);
        assertFalse(Files.exists(escape), "the submission wrote " + escape);
        assertFalse(Files.exists(Path.of("/tmp/racecourse-escape-" + id)), "the submission wrote into /tmp");
        // the reference still gets full marks in the sandbox (it did not shut off what the tests need)
        assertEquals(10.0, Grading.grade(SOLUTION, 1, "SafeCounter").exercises().get(0).score());
    }

    /**
     * A copy of the references outside the repository, where a local {@code mvn install} puts them
     * (~/.m2/repository/racecourse/racecourse-solutions), is covered too. The test puts a file there
     * (removing only what it made) and the probe tries to read it.
     */
    @Test
    void anInstalledCopyOfTheReferencesIsHiddenToo(@TempDir Path dir) throws Exception {
        assumeTrue(bwrapWorks() || unshareWorks(), "no sandbox works on this machine (the fallback is tested below)");
        String id = UUID.randomUUID().toString();
        Path made = Grader.INSTALLED_REFERENCES;
        while (made.getParent() != null && !Files.exists(made.getParent())) {
            made = made.getParent(); // the outermost folder this test creates, to remove afterwards
        }
        boolean existed = Files.exists(Grader.INSTALLED_REFERENCES);
        Path copy = Grader.INSTALLED_REFERENCES.resolve("sandbox-test-" + id).resolve("SafeCounter.java");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, "the reference");
        try {
            Files.writeString(dir.resolve("SafeCounter.java"), PROBE.formatted(copy, HIDDEN, false,
                    Grading.HOME.resolve("autograder/target/sandbox-escape-" + id), id));
            String seen = report(Grading.grade(dir, 1, "SafeCounter").exercises().get(0));
            assertTrue(seen.contains(" solutions=AccessDeniedException") || seen.contains(" solutions=NoSuchFileException"),
                    seen);
        } finally {
            Path top = existed ? copy.getParent() : made;
            try (var walk = Files.walk(top)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * {@code RACECOURSE_SANDBOX=off} (here in a separate grader JVM, so that the other tests keep
     * their sandbox): the grading says it ran without the sandbox, in results.json and feedback.md,
     * and the same probe now reads the references, which shows what the sandbox keeps out.
     */
    @Test
    void withoutTheSandboxTheGradingCarriesTheWarning(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString();
        Path escape = dir.resolve("escape-" + id);
        Path submission = Files.createDirectories(dir.resolve("submission"));
        Files.writeString(submission.resolve("SafeCounter.java"), probe(false, escape, id));
        Path out = dir.resolve("out");
        gradeInItsOwnJvm(submission, out, Map.of(Sandbox.SWITCH, "off"));
        String results = Files.readString(out.resolve("results.json"));
        String feedback = Files.readString(out.resolve("feedback.md"));
        assertTrue(results.contains(racecourse.results.Grading.NO_SANDBOX.substring(0, 60)), results);
        assertTrue(results.contains("\"sandboxed\": false") || results.contains("\"sandboxed\":false"), results);
        assertTrue(feedback.contains("W" + racecourse.results.Grading.NO_SANDBOX.substring(1, 60)), feedback);
        assertTrue(feedback.contains("solutions=READ") && feedback.contains("escape=WROTE"), feedback);
        assertTrue(Files.exists(escape));
        Files.deleteIfExists(Path.of("/tmp/racecourse-escape-" + id));
    }

    /**
     * Where bwrap is missing (here: the grader's PATH holds only what the unshare sandbox runs), the
     * grader falls back to unshare: every check above but the PID namespace still holds, and the
     * grading carries the warning that names the weaker sandbox.
     */
    @Test
    void withoutBubblewrapTheUnshareSandboxRunsAndTheGradingSaysSo(@TempDir Path dir) throws Exception {
        assumeTrue(unshareWorks(), "unshare does not work on this machine");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("unshare", "setpriv", "sh", "ip", "mount", "true")) {
            Path found = Stream.of("/usr/bin", "/usr/sbin", "/bin", "/sbin").map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + tool + " on this machine"));
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        String id = UUID.randomUUID().toString();
        Path escape = Grading.HOME.resolve("autograder/target/sandbox-escape-" + id);
        Path submission = Files.createDirectories(dir.resolve("submission"));
        Files.writeString(submission.resolve("SafeCounter.java"), probe(true, escape, id));
        Path out = dir.resolve("out");
        try {
            gradeInItsOwnJvm(submission, out, Map.of("PATH", bin.toString()));
        } finally {
            try (var links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link); // here, so that @TempDir does not warn about links leading out of it
                }
            }
        }
        String results = Files.readString(out.resolve("results.json"));
        String feedback = Files.readString(out.resolve("feedback.md"));
        assertTrue(results.contains(racecourse.results.Grading.UNSHARE_ONLY.substring(0, 60)), results);
        assertTrue(results.contains("\"sandboxed\": false") || results.contains("\"sandboxed\":false"), results);
        assertTrue(feedback.contains("W" + racecourse.results.Grading.UNSHARE_ONLY.substring(1, 60)), feedback);
        int start = feedback.indexOf("PROBE");
        assertTrue(start >= 0, feedback);
        assertConfined(feedback.substring(start, feedback.indexOf(" END", start)));
        assertFalse(Files.exists(escape), "the submission wrote " + escape);
        assertFalse(Files.exists(Path.of("/tmp/racecourse-escape-" + id)), "the submission wrote into /tmp");
    }

    /** Grades {@code submission} into {@code out} with a grader in its own JVM, {@code env} added to its environment. */
    static String gradeInItsOwnJvm(Path submission, Path out, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GradeMain.class.getName(),
                submission.toString(), out.toString(), Grading.HOME.toString(), "SafeCounter"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /**
     * A submission that looks for its classmates: its static initializer walks up its ancestors
     * ({@code /proc/<pid>/status} PPid, then {@code /proc/<pid>/cmdline}), takes every folder named
     * there (a regrade's ROOT and {@code --out} among them), reads the files under them and keeps
     * every secret marker it finds; the constructor throws what it found, so it lands in the
     * student's own feedback.
     */
    static final String ATTACK = """
            package exercises;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.util.*;
            import java.util.regex.*;
            public final class SafeCounter {
                static final Pattern SECRET = Pattern.compile("SECRET-[a-z]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                static final String FOUND = look();
                static String look() {
                    List<Path> dirs = new ArrayList<>();
                    int ancestors = 0;
                    String pid = "self";
                    for (int depth = 0; depth < 16; depth++) {
                        String ppid = null;
                        try {
                            for (String l : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                                if (l.startsWith("PPid:")) ppid = l.substring(5).trim();
                            }
                        } catch (Exception e) { break; }
                        if (ppid == null || ppid.equals("0")) break;
                        pid = ppid;
                        try {
                            String cmdline = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8);
                            ancestors++;
                            for (String arg : cmdline.split("\\0")) {
                                for (String part : arg.split("[:=]")) {
                                    if (part.startsWith("/") && part.length() > 4) {
                                        Path d = Path.of(part);
                                        if (Files.isDirectory(d) && !dirs.contains(d)) dirs.add(d);
                                    }
                                }
                            }
                        } catch (Exception e) { }
                    }
                    Set<String> secrets = new TreeSet<>();
                    int files = 0;
                    for (Path d : dirs) {
                        try (var walk = Files.walk(d, 8)) {
                            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                                if (files >= 4000) break;
                                try {
                                    if (Files.size(f) > (1 << 20)) continue;
                                    files++;
                                    Matcher m = SECRET.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                                    while (m.find()) secrets.add(m.group());
                                } catch (Exception e) { }
                            }
                        } catch (Exception e) { }
                    }
                    int processes = 0;
                    try (var s = Files.list(Path.of("/proc"))) {
                        processes = (int) s.filter(p -> p.getFileName().toString().matches("[0-9]+")).count();
                    } catch (Exception e) { }
                    return "ATTACK ancestors=" + ancestors + " dirs=" + dirs.size() + " files=" + files
                            + " processes=" + processes + " found=" + secrets + " END";
                }
                public SafeCounter() { throw new IllegalStateException(FOUND); }
                public void increment() { }
                public long get() { return 0; }
            }
            """;

    /**
     * The attack of a hostile student in a batch regrade ({@link #ATTACK}): a classmate graded
     * before (amy) has a secret in her source and one in her results (her constructor throws it);
     * the output folder holds an instructor's file with a third. The regrade runs in its own JVM
     * with ROOT and {@code --out} on its command line, as {@code racecourse regrade} does. The
     * attacker (zed) must find none of the three; and, to show the probe works, the test asks it
     * also found its ancestors.
     */
    @Test
    void aSubmissionCannotReadClassmatesOrOutputsThroughItsAncestorsCommandLines(@TempDir Path dir) throws Exception {
        assumeTrue(bwrapWorks(), "bwrap does not work on this machine");
        Attack a = attack(dir, Map.of());
        for (String secret : a.secrets()) {
            assertFalse(a.report().contains(secret), "the submission read " + secret + ": " + a.report());
        }
        // Its only ancestor is bwrap's reaper (pid 1 of its namespace); /proc shows no other process.
        assertTrue(a.report().startsWith("ATTACK ancestors=1 "), a.report());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" processes=(\\d+)").matcher(a.report());
        assertTrue(m.find() && Integer.parseInt(m.group(1)) <= 3, a.report());
    }

    /**
     * The control: in the unshare fallback (which the grading warns about) the same attack finds all
     * three secrets, so the probe above is not simply blind.
     */
    @Test
    void theUnshareFallbackLetsTheAttackThroughWhichIsWhyItWarns(@TempDir Path dir) throws Exception {
        assumeTrue(unshareWorks(), "unshare does not work on this machine");
        Attack a = attack(dir, Map.of(Sandbox.SWITCH, "unshare"));
        for (String secret : a.secrets()) {
            assertTrue(a.report().contains(secret), "the probe missed " + secret + ": " + a.report());
        }
    }

    /**
     * A submission that forges its results: it finds its result file on its own command line and, if
     * the file's name gave the token away, appends a passing line for every planned test before any
     * test runs (the grader keeps the first line per test). Its constructor throws, so honestly it
     * scores 0.
     */
    static final String FORGER = """
            package exercises;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.util.regex.*;
            public final class SafeCounter {
                static {
                    try {
                        String cmdline = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
                        for (String arg : cmdline.split("\\0")) {
                            Matcher m = Pattern.compile("results-([0-9a-f]+)\\\\.jsonl$").matcher(arg);
                            if (m.find()) {
                                StringBuilder lines = new StringBuilder();
                                for (String id : new String[] {%s}) {
                                    lines.append("{\\"token\\":\\"").append(m.group(1)).append("\\",\\"kind\\":\\"test\\",\\"id\\":\\"")
                                            .append(id).append("\\",\\"status\\":\\"passed\\",\\"millis\\":1}\\n");
                                }
                                Files.writeString(Path.of(arg), lines, StandardOpenOption.APPEND);
                            }
                        }
                    } catch (Exception e) { }
                }
                public SafeCounter() { throw new IllegalStateException("honestly failing"); }
                public void increment() { }
                public long get() { return 0; }
            }
            """;

    @Test
    void aSubmissionCannotForgeItsResultsFromTheResultFilesName(@TempDir Path dir) throws Exception {
        String ids = racecourse.grader.run.TestPlan.of("SafeCounter").stream().map(t -> "\"" + t.id() + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        Files.writeString(dir.resolve("SafeCounter.java"), FORGER.formatted(ids));
        ExerciseResult r = Grading.grade(dir, 1, "SafeCounter").exercises().get(0);
        assertEquals(0.0, r.score(), "forged results were taken:" + Grading.describe(r));
        assertTrue(r.tests().stream().allMatch(t -> String.valueOf(t.message()).contains("honestly failing")), Grading.describe(r));
    }

    /** What the attacker's feedback said, and the secrets it must not have found. */
    record Attack(String report, List<String> secrets, String output) {
    }

    /** Runs {@link #ATTACK} in a regrade of amy and zed in its own JVM, with {@code env} added to its environment. */
    static Attack attack(Path dir, Map<String, String> env) throws Exception {
        String id = UUID.randomUUID().toString();
        String source = "SECRET-source-" + id;
        String result = "SECRET-result-" + id;
        String instructor = "SECRET-instructor-" + id;
        Path root = dir.resolve("class");
        Path out = dir.resolve("out");
        Files.createDirectories(root.resolve("amy"));
        Files.writeString(root.resolve("amy/SafeCounter.java"), "// " + source + "\n"
                + "package exercises;\npublic final class SafeCounter {\n"
                + "    public SafeCounter() { throw new IllegalStateException(\"" + result + "\"); }\n"
                + "    public void increment() { }\n    public long get() { return 0; }\n}\n");
        Files.createDirectories(root.resolve("zed"));
        Files.writeString(root.resolve("zed/SafeCounter.java"), ATTACK);
        Files.createDirectories(out);
        Files.writeString(out.resolve("instructor-notes.txt"), instructor + "\n");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegradeMain.class.getName(),
                root.toString(), "--out", out.toString(), Grading.HOME.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(Files.readString(out.resolve("amy/results.json")).contains(result), "amy was graded first");
        String feedback = Files.readString(out.resolve("zed/feedback.md"));
        int start = feedback.indexOf("ATTACK");
        assertTrue(start >= 0, "no attack report in zed's feedback:\n" + feedback + "\n" + output);
        String report = feedback.substring(start, feedback.indexOf(" END", start));
        assertTrue(report.matches("ATTACK ancestors=[1-9].*"), "the probe found no ancestor: " + report);
        return new Attack(report, List.of(source, result, instructor), output);
    }

    /** A regrade in its own JVM, as {@code racecourse regrade ROOT --out OUT} runs it: ROOT --out OUT HOME. */
    public static final class RegradeMain {
        public static void main(String[] args) throws Exception {
            Regrade.Outcome o = Regrade.run(new Regrade.Request(Path.of(args[0]), Path.of(args[2]), 1, Shard.ALL, 1, false, 0,
                    List.of("SafeCounter"), racecourse.grader.run.Limits.defaults(), Path.of(args[3])), Progress.SILENT);
            if (!o.errors().isEmpty()) {
                throw new IllegalStateException(o.errors().toString());
            }
        }
    }

    /** The grader in its own JVM: SUBMISSION OUT HOME EXERCISE... */
    public static final class GradeMain {
        public static void main(String[] args) throws Exception {
            racecourse.results.Grading g = Grader.grade(new Grader.Request(Path.of(args[0]),
                    List.of(args).subList(3, args.length), Long.getLong("seed", 1), racecourse.grader.run.Limits.defaults(), Path.of(args[2])));
            Grader.write(g, Path.of(args[1]));
        }
    }
}
