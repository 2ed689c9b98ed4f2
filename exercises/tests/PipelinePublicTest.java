package exercises.tests;

import exercises.Pipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.VerdictFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;

/** Public tests of Pipeline (the grader also runs hidden ones). */
class PipelinePublicTest {
    @Test
    @DisplayName("one, two and three commands with small input")
    @Checks(rules = {"R1"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s per run")
    void smallPipelines() throws Exception {
        Check.equal("hello\n", run(List.of(List.of("cat")), "hello\n"), FUNCTIONAL, "cat");
        Check.equal("HELLO\n", run(List.of(List.of("cat"), List.of("tr", "a-z", "A-Z")), "hello\n"), FUNCTIONAL, "cat | tr a-z A-Z");
        Check.equal("2\n", run(List.of(List.of("printf", "b\\na\\nb\\n"), List.of("sort", "-u"), List.of("wc", "-l")), ""),
                FUNCTIONAL, "printf | sort -u | wc -l");
    }

    @Test
    @DisplayName("4 MiB through cat | cat: input fed and output drained at the same time")
    @Checks(rules = {"R1", "R3"}, verdicts = {FUNCTIONAL, HANG}, bound = "10 s")
    void megabytes() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 4 << 20; i++) {
            sb.append("line ").append(i).append('\n');
        }
        String input = sb.toString();
        String out = run(List.of(List.of("cat"), List.of("cat")), input, 10);
        Check.that(out.equals(input), FUNCTIONAL, "cat | cat returned " + out.length() + " chars for " + input.length() + " chars of input");
    }

    @Test
    @DisplayName("yes | head -n 1 ends")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s")
    void yesHead() throws Exception {
        Check.equal("y\n", run(List.of(List.of("yes"), List.of("head", "-n", "1")), ""), FUNCTIONAL, "yes | head -n 1");
    }

    @Test
    @DisplayName("a failing last command is an IOException naming its status")
    @Checks(rules = {"R2"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s")
    void failingLastCommand() throws Exception {
        try {
            run(List.of(List.of("cat"), List.of("sh", "-c", "cat >/dev/null; exit 3")), "x\n");
        } catch (IOException e) {
            Check.that(String.valueOf(e.getMessage()).contains("3"), FUNCTIONAL, "the IOException does not name the status 3: " + e.getMessage());
            return;
        }
        throw new VerdictFailure(FUNCTIONAL, "the last command exited with status 3 but run returned normally");
    }

    @Test
    @DisplayName("no command or an empty one is an IllegalArgumentException; a command that cannot start an IOException, leaving nothing running")
    @Checks(rules = {"R5"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s per run, then 1 s for processes to end")
    void badCommands() throws Exception {
        expectThrows(IllegalArgumentException.class, "run(no commands)", List.of());
        expectThrows(IllegalArgumentException.class, "run([cat], [])", List.of(List.of("cat"), List.of()));
        java.util.Set<Long> earlier = ProcessHandle.current().children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
        expectThrows(IOException.class, "run([cat], [/nonexistent/racecourse-no-such-program])",
                List.of(List.of("cat"), List.of("/nonexistent/racecourse-no-such-program")));
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.current().children().filter(p -> p.isAlive() && !earlier.contains(p.pid())).toList();
            Thread.sleep(left.isEmpty() ? 0 : 10);
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        left.forEach(ProcessHandle::destroyForcibly);
        Check.that(left.isEmpty(), RESOURCES, "after run threw because a command could not start, " + left.size()
                + " of its processes were still running 1 s later (cat waits for input forever: kill what you started)");
    }

    static void expectThrows(Class<? extends Exception> type, String what, List<List<String>> commands) throws Exception {
        try {
            run(commands, "x\n");
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            Check.that(type.isInstance(e), FUNCTIONAL, what + " threw " + e + " instead of " + type.getSimpleName());
            return;
        }
        throw new VerdictFailure(FUNCTIONAL, what + " returned normally instead of throwing " + type.getSimpleName());
    }

    static String run(List<List<String>> commands, String input) throws Exception {
        return run(commands, input, 5);
    }

    static String run(List<List<String>> commands, String input, int seconds) throws Exception {
        return Await.call("pipeline", Duration.ofSeconds(seconds), () -> Pipeline.run(commands, input));
    }
}
