package racecourse.instructor.suites;

import exercises.BoundedFetcher;
import exercises.tests.BoundedFetcherPublicTest.Gauge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;

@Isolated // counts threads: other tests' threads must not be taken for fetchAll's
class BoundedFetcherHiddenTest {
    @Test
    @DisplayName("many perturbed rounds of quick tasks: results in order, the bound kept")
    @Checks(rules = {"R1", "R3"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "10 rounds, 5 s each")
    void quickTasksInRounds() throws Exception {
        Stress.rounds(10, round -> {
            Gauge g = new Gauge();
            List<Callable<Integer>> tasks = new ArrayList<>();
            List<Integer> wanted = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int index = i;
                tasks.add(g.task(i, () -> {
                    Thread.yield();
                    return index * index;
                }));
                wanted.add(i * i);
            }
            List<Integer> got = Await.call("fetch", Duration.ofSeconds(5), () -> BoundedFetcher.fetchAll(tasks, 3, Duration.ofSeconds(4)));
            Check.that(g.most.get() <= 3, RESOURCES, g.most.get() + " tasks ran at once with maxConcurrent 3 (round " + round + ")");
            Check.equal(wanted, got, FUNCTIONAL, "results of 40 quick tasks, maxConcurrent 3, round " + round);
        });
    }

    @Test
    @DisplayName("two failures: the one that happened first is thrown, though a task before it in the list fails later")
    @Checks(rules = {"R4", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "1 s to throw after the failure; 5 s in all")
    void firstInTimeNotInList() throws Exception {
        Gauge g = new Gauge();
        CountDownLatch firstRunning = new CountDownLatch(1);
        IllegalStateException early = new IllegalStateException("the early failure");
        List<Callable<String>> tasks = new ArrayList<>();
        tasks.add(g.task(0, () -> {
            firstRunning.countDown();
            try {
                Thread.sleep(10_000);
                return "r0";
            } catch (InterruptedException e) {
                throw new IllegalStateException("the late failure: task 0 was interrupted", e);
            }
        }));
        tasks.add(g.task(1, () -> {
            firstRunning.await(2, TimeUnit.SECONDS);
            throw early;
        }));
        for (int i = 2; i < 5; i++) {
            tasks.add(g.task(i, () -> {
                Thread.sleep(10_000);
                return "late";
            }));
        }
        Await.Call<List<String>> call = Await.start("fetch", () -> BoundedFetcher.fetchAll(tasks, 2, Duration.ofSeconds(20)));
        if (!call.await(Duration.ofSeconds(5))) {
            call.thread().interrupt();
            throw new VerdictFailure(FUNCTIONAL, "task 1 failed while task 0 ran, but fetchAll had not returned 5 s "
                    + "later: it must throw the first failure at once, not wait for the tasks in list order");
        }
        Throwable thrown;
        try {
            call.get(Duration.ZERO);
            thrown = null;
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            thrown = e;
        }
        Check.that(thrown instanceof ExecutionException && thrown.getCause() == early, FUNCTIONAL, "task 1 failed first, "
                + "then task 0 (when interrupted), but fetchAll " + (thrown == null ? "returned" : "threw " + thrown
                + (thrown.getCause() == null ? "" : " caused by " + thrown.getCause())) + ", not an ExecutionException caused by " + early);
        g.checkCleanExit("threw");
    }

    @Test
    @DisplayName("no thread fetchAll started is alive after it returns, normally, on a failure or on timeout")
    @Checks(rules = "R7", verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s per call; 1 s after each return for its threads to end")
    void noThreadLeft() throws Exception {
        String problem = Await.call("fetcher", Duration.ofSeconds(18), () -> {
            List<Callable<Integer>> quick = new ArrayList<>();
            List<Callable<Integer>> failing = new ArrayList<>();
            List<Callable<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int index = i;
                quick.add(() -> index);
                failing.add(() -> {
                    if (index == 3) {
                        throw new IllegalStateException("boom");
                    }
                    Thread.sleep(10_000);
                    return index;
                });
                slow.add(() -> {
                    Thread.sleep(10_000);
                    return index;
                });
            }
            String p = leftAfter("returned", () -> BoundedFetcher.fetchAll(quick, 4, Duration.ofSeconds(4)), null);
            p = p != null ? p : leftAfter("threw the failure", () -> BoundedFetcher.fetchAll(failing, 4, Duration.ofSeconds(4)), ExecutionException.class);
            return p != null ? p : leftAfter("timed out", () -> BoundedFetcher.fetchAll(slow, 4, Duration.ofMillis(200)), TimeoutException.class);
        });
        Check.that(problem == null, RESOURCES, problem);
    }

    /** Null if every thread {@code fetch} started has ended within 1 s after it ended as {@code how}. */
    private static String leftAfter(String how, Callable<?> fetch, Class<? extends Exception> expected) throws Exception {
        Set<Thread> before = Threads.live();
        try {
            fetch.call();
            if (expected != null) {
                throw new VerdictFailure(FUNCTIONAL, "fetchAll returned where it should have thrown " + expected.getSimpleName());
            }
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            if (expected == null || !expected.isInstance(e)) {
                throw new VerdictFailure(FUNCTIONAL, "fetchAll threw " + e + (expected == null ? "" : " instead of " + expected.getSimpleName()), e);
            }
        }
        List<Thread> left = Threads.aliveAfter(Threads.startedSince(before), Duration.ofSeconds(1));
        return left.isEmpty() ? null : left.size() + " threads started by fetchAll were still alive 1 s after it " + how
                + " (" + left.stream().limit(3).map(Thread::getName).toList() + "): shut down the executor, or end your threads, before returning";
    }

}
