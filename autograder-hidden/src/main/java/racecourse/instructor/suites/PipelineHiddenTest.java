package racecourse.instructor.suites;

import exercises.Pipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;

// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
class PipelineHiddenTest {
    @Test
    @DisplayName("no process and no thread is left running after run returns")
    @Checks(rules = {"R4"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s per run, then 1 s for its threads to end")
    void nothingLeftBehind() throws Exception {
        for (int round = 0; round < 3; round++) {
            Set<Long> earlier = children();
            Set<Thread> before = Threads.live();
            String out = Await.call("pipeline", Duration.ofSeconds(5),
                    () -> Pipeline.run(List.of(List.of("cat"), List.of("tr", "a", "b"), List.of("cat")), "a\n"));
            Check.equal("b\n", out, FUNCTIONAL, "cat | tr a b | cat");
            List<String> alive = alive(earlier);
            Check.that(alive.isEmpty(), RESOURCES, "after run returned these processes were still running: " + alive);
            List<Thread> threads = threadsLeft(before);
            Check.that(threads.isEmpty(), RESOURCES, "1 s after run returned these threads it started were still running: " + threads);
        }
    }

    @Test
    @DisplayName("interrupted while waiting: throws InterruptedException and kills every process of the pipeline")
    @Checks(rules = {"R6"}, verdicts = {FUNCTIONAL, RESOURCES}, bound = "3 s to throw after the interrupt, then 1 s for the processes to end")
    void interrupted() throws Exception {
        Set<Long> earlier = children();
        Await.Call<String> sleeping = Await.start("pipeline", () -> Pipeline.run(List.of(List.of("sleep", "30"), List.of("cat")), ""));
        try {
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (ProcessHandle.current().children().filter(p -> !earlier.contains(p.pid())).count() < 2 && System.nanoTime() < deadline) {
                Stress.pause(5);
            }
            sleeping.thread().interrupt();
            if (!sleeping.await(Duration.ofSeconds(3))) {
                throw new VerdictFailure(FUNCTIONAL, "run was interrupted and had not returned 3 s later: an interrupted run must stop "
                        + "waiting, kill the processes and throw InterruptedException");
            }
            try {
                sleeping.get(Duration.ofSeconds(1));
                throw new VerdictFailure(FUNCTIONAL, "run returned normally although it was interrupted");
            } catch (InterruptedException expected) {
                // right
            } catch (VerdictFailure f) {
                throw f;
            } catch (Exception e) {
                throw new VerdictFailure(FUNCTIONAL, "the interrupted run threw " + e + " instead of InterruptedException", e);
            }
            List<String> alive = alive(earlier);
            Check.that(alive.isEmpty(), RESOURCES, "1 s after run was interrupted these processes were still running: " + alive);
        } finally {
            // Whatever it left, so the next test starts clean.
            ProcessHandle.current().children().filter(p -> !earlier.contains(p.pid())).forEach(ProcessHandle::destroyForcibly);
        }
    }

    static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The processes started since {@code earlier} still alive after waiting up to 1 s for them to end. */
    static List<String> alive(Set<Long> earlier) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.current().children().filter(p -> p.isAlive() && !earlier.contains(p.pid())).toList();
            if (!left.isEmpty()) {
                Stress.pause(10);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left.stream().map(p -> p.info().commandLine().orElse("pid " + p.pid())).toList();
    }

    /** Threads started since {@code before}, other than the JDK's own, still alive after up to 1 s. */
    static List<Thread> threadsLeft(Set<Thread> before) throws InterruptedException {
        return Threads.aliveAfter(Threads.startedSince(before).stream().filter(t -> !t.getName().equals("pipeline")).toList(),
                Duration.ofSeconds(1));
    }

}
