package exercises.tests;

import exercises.Pipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.VerdictFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;

/** Public tests of Pipeline (the grader also runs hidden ones). */
class PipelinePublicTest {
    @Test
    @DisplayName("one, two and three commands with small input")
    void smallPipelines() throws Exception {
        Check.equal("hello\n", run(List.of(List.of("cat")), "hello\n"), FUNCTIONAL, "cat");
        Check.equal("HELLO\n", run(List.of(List.of("cat"), List.of("tr", "a-z", "A-Z")), "hello\n"), FUNCTIONAL, "cat | tr a-z A-Z");
        Check.equal("2\n", run(List.of(List.of("printf", "b\\na\\nb\\n"), List.of("sort", "-u"), List.of("wc", "-l")), ""),
                FUNCTIONAL, "printf | sort -u | wc -l");
    }

    @Test
    @DisplayName("4 MiB through cat | cat: input fed and output drained at the same time")
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
    void yesHead() throws Exception {
        Check.equal("y\n", run(List.of(List.of("yes"), List.of("head", "-n", "1")), ""), FUNCTIONAL, "yes | head -n 1");
    }

    @Test
    @DisplayName("a failing last command is an IOException naming its status")
    void failingLastCommand() throws Exception {
        try {
            run(List.of(List.of("cat"), List.of("sh", "-c", "cat >/dev/null; exit 3")), "x\n");
        } catch (IOException e) {
            Check.that(String.valueOf(e.getMessage()).contains("3"), FUNCTIONAL, "the IOException does not name the status 3: " + e.getMessage());
            return;
        }
        throw new VerdictFailure(FUNCTIONAL, "the last command exited with status 3 but run returned normally");
    }

    static String run(List<List<String>> commands, String input) throws Exception {
        return run(commands, input, 5);
    }

    static String run(List<List<String>> commands, String input, int seconds) throws Exception {
        return Await.call("pipeline", Duration.ofSeconds(seconds), () -> Pipeline.run(commands, input));
    }
}
