package racecourse.grader.suites;

import exercises.Pipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.List;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.RESOURCES;

class PipelineHiddenTest {
    @Test
    @DisplayName("no process is left running after run returns, or after it is interrupted")
    void noProcessLeftBehind() throws Exception {
        java.util.Set<Long> earlier = ProcessHandle.current().children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
        Await.call("pipeline", Duration.ofSeconds(5), () -> Pipeline.run(List.of(List.of("cat"), List.of("cat")), "a\n"));
        long left = ProcessHandle.current().children().filter(p -> p.isAlive() && !earlier.contains(p.pid())).count();
        Check.that(left == 0, RESOURCES, left + " processes were still running after run returned");
        Await.Call<String> sleeping = Await.start("pipeline", () -> Pipeline.run(List.of(List.of("sleep", "30"), List.of("cat")), ""));
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (ProcessHandle.current().children().filter(p -> !earlier.contains(p.pid())).count() < 2 && System.nanoTime() < deadline) {
            Stress.pause(5);
        }
        sleeping.thread().interrupt();
        try {
            sleeping.get(Duration.ofSeconds(3));
            throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "run returned normally although it was interrupted");
        } catch (InterruptedException expected) {
            // right
        }
        Stress.pause(200);
        List<String> alive = ProcessHandle.current().children().filter(p -> p.isAlive() && !earlier.contains(p.pid()))
                .map(p -> p.info().commandLine().orElse("pid " + p.pid())).toList();
        Check.that(alive.isEmpty(), RESOURCES, "after run was interrupted these processes were still running: " + alive);
    }
}
