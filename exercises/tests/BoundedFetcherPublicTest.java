package exercises.tests;

import exercises.BoundedFetcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of BoundedFetcher (the grader also runs hidden ones). */
public class BoundedFetcherPublicTest {
    /**
     * Wraps tasks to count them: how many run now, the most at once, how many started (and in which
     * order), how many were interrupted.
     */
    /** Public: the hidden tests count with it too. */
    public static final class Gauge {
        public final AtomicInteger running = new AtomicInteger();
        public final AtomicInteger most = new AtomicInteger();
        public final AtomicInteger started = new AtomicInteger();
        public final AtomicInteger interrupted = new AtomicInteger();
        public final Queue<Integer> startOrder = new ConcurrentLinkedQueue<>();

        public <T> Callable<T> task(int index, Callable<T> body) {
            return () -> {
                started.incrementAndGet();
                startOrder.add(index);
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return body.call();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                } finally {
                    running.decrementAndGet();
                }
            };
        }

        /**
         * R7 at the moment fetchAll returned or threw ({@code what}): no task runs, and none starts
         * in the 200 ms after.
         */
        public void checkCleanExit(String what) throws InterruptedException {
            int runningThen = running.get();
            int startedThen = started.get();
            Stress.pause(200);
            Check.that(runningThen == 0, RESOURCES, runningThen + " tasks were still running when fetchAll " + what
                    + ": interrupt the running tasks and wait for them to end before returning");
            Check.that(started.get() == startedThen, RESOURCES, (started.get() - startedThen) + " tasks started after "
                    + "fetchAll " + what + ": once it returns no further task may start");
        }
    }

    /** A task body that sleeps {@code millis} interruptibly, then returns {@code value}. */
    static <T> Callable<T> sleeping(long millis, T value) {
        return () -> {
            Thread.sleep(millis);
            return value;
        };
    }

    /** Runs fetchAll in a virtual thread and returns what it returned, waiting at most {@code bound}. */
    static <T> List<T> inVirtualThread(Duration bound, Callable<List<T>> fetch) throws Exception {
        FutureTask<List<T>> call = new FutureTask<>(fetch);
        Thread caller = Thread.ofVirtual().name("virtual-caller").start(call);
        try {
            return call.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new VerdictFailure(FUNCTIONAL, "fetchAll, called from a virtual thread, threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            caller.interrupt();
            throw new VerdictFailure(HANG, "fetchAll, called from a virtual thread, did not return within " + bound.toMillis() + " ms");
        }
    }

    @Test
    @DisplayName("results come back in the order of the tasks, not of their ending, also when called from a virtual thread")
    @Checks(rules = {"R1", "R8"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s")
    void resultsInOrder() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(sleeping((6 - i) * 20L, "r" + i));    // the last ends first
        }
        List<String> got = inVirtualThread(Duration.ofSeconds(5), () -> BoundedFetcher.fetchAll(tasks, 6, Duration.ofSeconds(4)));
        Check.equal(List.of("r0", "r1", "r2", "r3", "r4", "r5"), got, FUNCTIONAL, "fetchAll of 6 tasks, the later ones ending first");
        List<String> none = inVirtualThread(Duration.ofSeconds(5), () -> BoundedFetcher.fetchAll(List.<Callable<String>>of(), 2, Duration.ofSeconds(1)));
        Check.equal(List.of(), none, FUNCTIONAL, "fetchAll of no task");
    }

    @Test
    @DisplayName("null or bad arguments are refused before any task runs")
    @Checks(rules = "R2", verdicts = {FUNCTIONAL, HANG}, bound = "3 s")
    void badArguments() throws Exception {
        Gauge g = new Gauge();
        Callable<String> ok = g.task(0, () -> "x");
        List<Callable<String>> withNull = new ArrayList<>();
        withNull.add(ok);
        withNull.add(null);
        String problem = Await.call("bad-arguments", Duration.ofSeconds(3), () -> {
            String p = refused(() -> BoundedFetcher.fetchAll(null, 1, Duration.ofSeconds(1)), NullPointerException.class, "fetchAll(null, 1, 1 s)");
            p = p != null ? p : refused(() -> BoundedFetcher.fetchAll(withNull, 1, Duration.ofSeconds(1)), NullPointerException.class, "fetchAll of a list holding a null task");
            p = p != null ? p : refused(() -> BoundedFetcher.fetchAll(List.of(ok), 1, null), NullPointerException.class, "fetchAll with a null timeout");
            p = p != null ? p : refused(() -> BoundedFetcher.fetchAll(List.of(ok), 0, Duration.ofSeconds(1)), IllegalArgumentException.class, "fetchAll with maxConcurrent 0");
            p = p != null ? p : refused(() -> BoundedFetcher.fetchAll(List.of(ok), 1, Duration.ZERO), IllegalArgumentException.class, "fetchAll with a timeout of 0");
            p = p != null ? p : refused(() -> BoundedFetcher.fetchAll(List.of(ok), 1, Duration.ofSeconds(-1)), IllegalArgumentException.class, "fetchAll with a negative timeout");
            return p;
        });
        Check.that(problem == null, FUNCTIONAL, problem);
        Stress.pause(50);
        Check.equal(0, g.started.get(), FUNCTIONAL, "tasks run by calls with bad arguments (the arguments are checked before any task starts)");
    }

    private static String refused(Callable<?> call, Class<? extends Exception> expected, String what) {
        try {
            call.call();
            return what + " returned instead of throwing " + expected.getSimpleName();
        } catch (Exception e) {
            return expected.isInstance(e) ? null : what + " threw " + e + " instead of " + expected.getSimpleName();
        }
    }

    @Test
    @DisplayName("never more than maxConcurrent tasks run at once, maxConcurrent do, and with 1 they start in list order")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, HANG, RESOURCES, SERIALIZED}, bound = "5 s per call; each task waits at most 2 s for the others")
    void concurrencyBound() throws Exception {
        Gauge g = new Gauge();
        CountDownLatch fourRunning = new CountDownLatch(4);
        AtomicInteger metAlone = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            tasks.add(g.task(i, () -> {
                fourRunning.countDown();
                if (index < 4 && !fourRunning.await(2, TimeUnit.SECONDS)) {
                    metAlone.incrementAndGet();     // the first four tasks wait to be four
                }
                Thread.sleep(5);
                return index;
            }));
        }
        Await.Call<List<Integer>> call = Await.start("fetch-4", () -> BoundedFetcher.fetchAll(tasks, 4, Duration.ofSeconds(4)));
        Throwable thrown = outcome(call, Duration.ofSeconds(5), "20 tasks ran with maxConcurrent 4 and a timeout of 4 s");
        Check.that(g.most.get() <= 4, RESOURCES, g.most.get() + " tasks ran at once with maxConcurrent 4");
        Check.that(metAlone.get() == 0, SERIALIZED, "with maxConcurrent 4 and 20 tasks, 4 tasks never ran at once: "
                + "a task waited 2 s for 3 others to start (at most " + g.most.get() + " ran at once)");
        Check.that(thrown == null, FUNCTIONAL, "fetchAll of 20 quick tasks with maxConcurrent 4 threw " + thrown);
        Check.equal(20, call.get(Duration.ZERO).size(), FUNCTIONAL, "results of 20 tasks");

        Gauge one = new Gauge();
        List<Callable<Integer>> inLine = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inLine.add(one.task(i, sleeping(2, i)));
        }
        Await.call("fetch-1", Duration.ofSeconds(5), () -> BoundedFetcher.fetchAll(inLine, 1, Duration.ofSeconds(4)));
        Check.that(one.most.get() <= 1, RESOURCES, one.most.get() + " tasks ran at once with maxConcurrent 1");
        Check.equal(List.of(0, 1, 2, 3, 4, 5, 6, 7), new ArrayList<>(one.startOrder), FUNCTIONAL,
                "the order in which 8 tasks started with maxConcurrent 1 (tasks start in list order)");
    }

    @Test
    @DisplayName("the first failure is thrown at once as ExecutionException with the task's exception as cause; the others are interrupted and none runs after")
    @Checks(rules = {"R4", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "1 s to throw after the failure; 5 s in all")
    void firstFailure() throws Exception {
        Gauge g = new Gauge();
        CountDownLatch othersRunning = new CountDownLatch(2);
        AtomicLong failedAt = new AtomicLong();
        IllegalStateException boom = new IllegalStateException("server said 503");
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int index = i;
            tasks.add(g.task(i, () -> {
                if (index == 2) {
                    othersRunning.await(2, TimeUnit.SECONDS);
                    failedAt.set(System.nanoTime());
                    throw boom;
                }
                othersRunning.countDown();
                Thread.sleep(10_000);
                return "r" + index;
            }));
        }
        Await.Call<List<String>> call = Await.start("fetch", () -> BoundedFetcher.fetchAll(tasks, 3, Duration.ofSeconds(20)));
        Throwable thrown = outcome(call, Duration.ofSeconds(5), "a task failed while 2 others ran");
        long afterFailure = System.nanoTime() - failedAt.get();
        Check.that(thrown instanceof ExecutionException, FUNCTIONAL, "when a task threw " + boom + ", fetchAll "
                + (thrown == null ? "returned" : "threw " + thrown) + " instead of an ExecutionException");
        Check.that(thrown.getCause() == boom, FUNCTIONAL, "the ExecutionException's cause is " + thrown.getCause()
                + ", not the task's own exception " + boom);
        Check.that(afterFailure < TimeUnit.SECONDS.toNanos(1) + TimeUnit.MILLISECONDS.toNanos(200), FUNCTIONAL,
                "fetchAll threw " + afterFailure / 1_000_000 + " ms after the task failed, not at once");
        g.checkCleanExit("threw");
        Check.equal(g.started.get() - 1, g.interrupted.get(), RESOURCES, "tasks interrupted, of the " + (g.started.get() - 1)
                + " other tasks that had started (every running task must be interrupted)");
    }

    /**
     * Waits for {@code call} (fetchAll in its own thread) and returns what it threw, or null if it
     * returned; a call that did not end within {@code bound} is a failure: {@code functional} (it
     * did not react to {@code why}), or {@code hang} if its thread is stuck without a task running.
     */
    static Throwable outcome(Await.Call<?> call, Duration bound, String why) throws Exception {
        if (!call.await(bound)) {
            call.thread().interrupt();
            throw new VerdictFailure(FUNCTIONAL, why + ", but fetchAll had not returned " + bound.toMillis()
                    + " ms after the call: it must stop waiting at once");
        }
        try {
            call.get(Duration.ZERO);
            return null;
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    @DisplayName("on timeout: TimeoutException soon after the deadline; running tasks are interrupted and none runs after")
    @Checks(rules = {"R5", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "timeout 300 ms; 1 s more to throw")
    void timeout() throws Exception {
        Gauge g = new Gauge();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(g.task(i, sleeping(10_000, "late")));
        }
        long start = System.nanoTime();
        Await.Call<List<String>> call = Await.start("fetch", () -> BoundedFetcher.fetchAll(tasks, 2, Duration.ofMillis(300)));
        Throwable thrown = outcome(call, Duration.ofMillis(1300), "its timeout of 300 ms passed");
        long took = (System.nanoTime() - start) / 1_000_000;
        Check.that(thrown instanceof TimeoutException, FUNCTIONAL, "after its 300 ms timeout fetchAll "
                + (thrown == null ? "returned" : "threw " + thrown) + " instead of a TimeoutException");
        Check.that(took >= 250, FUNCTIONAL, "fetchAll gave up after " + took + " ms, before its timeout of 300 ms");
        g.checkCleanExit("timed out");
        Check.equal(g.started.get(), g.interrupted.get(), RESOURCES, "tasks interrupted, of the " + g.started.get()
                + " that had started (every running task must be interrupted)");
    }

    @Test
    @DisplayName("an interrupted caller gets InterruptedException at once; its tasks are interrupted and none runs after")
    @Checks(rules = {"R6", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES, SERIALIZED}, bound = "1 s to throw after the interrupt; 2 s for 2 tasks to start")
    void callerInterrupted() throws Exception {
        Gauge g = new Gauge();
        CountDownLatch twoRunning = new CountDownLatch(2);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(g.task(i, () -> {
                twoRunning.countDown();
                Thread.sleep(10_000);
                return "late";
            }));
        }
        Await.Call<List<String>> call = Await.start("fetch", () -> BoundedFetcher.fetchAll(tasks, 2, Duration.ofSeconds(20)));
        if (!twoRunning.await(2, TimeUnit.SECONDS)) {
            call.thread().interrupt();
            throw new VerdictFailure(SERIALIZED, "fetchAll of 6 tasks with maxConcurrent 2 did not run 2 of them at once within 2 s");
        }
        call.thread().interrupt();
        Throwable thrown = outcome(call, Duration.ofSeconds(1), "its thread was interrupted");
        Check.that(thrown instanceof InterruptedException, FUNCTIONAL, "interrupted while waiting, fetchAll "
                + (thrown == null ? "returned" : "threw " + thrown) + " instead of InterruptedException");
        g.checkCleanExit("threw");
        Check.equal(g.started.get(), g.interrupted.get(), RESOURCES, "tasks interrupted, of the " + g.started.get()
                + " that had started (every running task must be interrupted)");
    }
}
