package exercises.tests;

import exercises.ParallelSum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Probe;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of ParallelSum (the grader also runs hidden ones). */
// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
class ParallelSumPublicTest {
    @Test
    @DisplayName("right sums: empty array, more threads than values, uneven slices, overflow wraps; the array unchanged")
    @Checks(rules = {"R2", "R3"}, verdicts = {FUNCTIONAL, HANG, RACE}, bound = "5 s per call")
    void rightSums() throws Exception {
        Random r = new Random(5);
        for (int n : new int[] {0, 1, 2, 3, 10, 1001}) {
            for (int threads : new int[] {1, 2, 3, 7}) {
                long[] values = r.longs(n).toArray();
                long[] copy = values.clone();
                long expected = LongStream.of(values).sum();
                long got = Await.call("sum", Duration.ofSeconds(5), () -> ParallelSum.sum(values, threads));
                Check.that(Arrays.equals(values, copy), FUNCTIONAL, "sum of " + n + " values with " + threads
                        + " threads changed the array (first change at index " + Arrays.mismatch(values, copy) + ")");
                Check.concurrent(expected == got, () -> {
                    try {
                        return ParallelSum.sum(values, 1) == expected;
                    } catch (InterruptedException e) {
                        return false;
                    }
                }, "sum of " + n + " values with " + threads + " threads: expected " + expected + ", got " + got);
            }
        }
    }

    @Test
    @DisplayName("the threads really sum at the same time")
    @Checks(rules = {"R1", "R2"}, verdicts = {FUNCTIONAL, HANG, RACE, SERIALIZED}, bound = "10 s; each thread waits at most 1.5 s for another")
    void threadsRunInParallel() throws Exception {
        long[] values = new long[200_000];
        Arrays.fill(values, 3);
        // Each thread's first read of the array (an element, or the array handed to JDK code such
        // as Arrays.stream) waits until a second thread reads it too; the calling thread is left out.
        Probe.Rendezvous meeting = Probe.arm(2, 1500);
        long got;
        try {
            got = Await.call("sum", Duration.ofSeconds(10), () -> {
                meeting.ignore(Thread.currentThread());
                return ParallelSum.sum(values, 2);
            });
        } finally {
            Probe.disarm();
        }
        // A wrong sum here is a race when one thread sums right (a shared accumulator), else functional.
        Check.concurrent(got == 600_000L, () -> {
            try {
                return ParallelSum.sum(values, 1) == 600_000L;
            } catch (InterruptedException e) {
                return false;
            }
        }, "sum of 200000 threes with 2 threads: expected 600000, got " + got);
        Check.that(meeting.met(), SERIALIZED, "with 2 threads, no two started threads read the array at the same time ("
                + meeting.threads() + " started thread(s) read it): the calling thread did the work, or each thread "
                + "was joined before the next one started");
    }

    @Test
    @DisplayName("starts exactly `threads` new threads, also when some parts are empty")
    @Checks(rules = {"R1"}, verdicts = {FUNCTIONAL, HANG, SERIALIZED}, bound = "5 s per call")
    void exactlyThatManyThreads() throws Exception {
        int[][] cases = {{1000, 4}, {3, 5}, {0, 2}, {10, 1}};
        for (int[] c : cases) {
            long[] values = new long[c[0]];
            Arrays.fill(values, 1);
            int threads = c[1];
            // Counts the threads, other than the caller, that run the submission's code during the call.
            Probe.Rendezvous census = Probe.arm(1, 0);
            try {
                Await.call("sum", Duration.ofSeconds(5), () -> {
                    census.ignore(Thread.currentThread());
                    return ParallelSum.sum(values, threads);
                });
            } finally {
                Probe.disarm();
            }
            int started = census.ranCode().size();
            Check.that(started >= threads, SERIALIZED, "sum of " + c[0] + " values with " + threads + " threads ran on "
                    + started + " new thread(s) (the calling thread not counted): start exactly " + threads
                    + ", one per part, even when a part is empty");
            Check.that(started == threads, FUNCTIONAL, "sum of " + c[0] + " values with " + threads + " threads ran on "
                    + started + " threads: start exactly " + threads + " (a parallel stream's or a shared pool's threads do not count as yours)");
        }
    }

    @Test
    @DisplayName("a null array is a NullPointerException, threads < 1 an IllegalArgumentException")
    @Checks(rules = {"R4"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s per call")
    void badArguments() throws Exception {
        expect(NullPointerException.class, "sum(null, 2)", () -> ParallelSum.sum(null, 2));
        expect(IllegalArgumentException.class, "sum(values, 0)", () -> ParallelSum.sum(new long[] {1, 2}, 0));
        expect(IllegalArgumentException.class, "sum(values, -3)", () -> ParallelSum.sum(new long[] {1, 2}, -3));
    }

    @Test
    @DisplayName("every thread has ended when sum returns")
    @Checks(rules = {"R5"}, verdicts = {HANG, RESOURCES}, bound = "5 s per call, then 1 s for the threads to end")
    void noThreadLeftBehind() throws Exception {
        long[] values = new long[10_000];
        Arrays.fill(values, 1);
        for (int round = 0; round < 5; round++) {
            Set<Thread> before = Threads.live();
            Probe.Rendezvous census = Probe.arm(1, 0);
            try {
                Await.call("sum", Duration.ofSeconds(5), () -> {
                    census.ignore(Thread.currentThread());
                    return ParallelSum.sum(values, 4);
                });
            } finally {
                Probe.disarm();
            }
            List<Thread> left = leftBehind(before, census.ranCode(), "sum");
            Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by sum were still alive 1 s after it returned: " + left);
        }
    }

    @Test
    @DisplayName("interrupted while its threads work: throws InterruptedException, or returns the right total with the interrupt status set")
    @Checks(rules = {"R6"}, verdicts = {FUNCTIONAL, RACE, RESOURCES, HANG}, bound = "5 s per call, then 1 s for the threads to end")
    void interrupted() throws Exception {
        long[] values = LongStream.rangeClosed(1, 30_000).toArray();
        long expected = LongStream.of(values).sum();
        Set<Thread> before = Threads.live();
        // A gate nobody passes until we release it: every started thread waits at its first read
        // of the array, so while the caller is interrupted no part has been summed yet.
        Probe.Rendezvous gate = Probe.arm(Integer.MAX_VALUE, 10_000);
        AtomicBoolean interruptSent = new AtomicBoolean();
        boolean[] checkFlag = new boolean[2];   // {interrupted before sum returned, interrupt status after}
        Await.Call<Long> call;
        boolean doneBeforeRelease;
        try {
            call = Await.start("sum", () -> {
                gate.ignore(Thread.currentThread());
                long r = ParallelSum.sum(values, 3);
                // Read in this order: if the interrupt had been sent by now, nothing after sum
                // returned can have cleared it, so a cleared status is sum's doing.
                checkFlag[0] = interruptSent.get();
                checkFlag[1] = Thread.currentThread().isInterrupted();
                return r;
            });
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (gate.waiting() < 3 && System.nanoTime() < deadline && !call.isDone()) {
                Thread.sleep(2);
            }
            Await.blocked(call.thread(), Duration.ofSeconds(1));
            call.thread().interrupt();
            interruptSent.set(true);
            doneBeforeRelease = call.await(Duration.ofMillis(300));   // one that throws does so now
            gate.release();
        } finally {
            Probe.disarm();
        }
        Long got = null;
        try {
            got = call.get(Duration.ofSeconds(5));
        } catch (InterruptedException expectedWhenThrown) {
            // right: it gave up waiting
        }
        if (got != null && got != expected) {
            long wrong = got;
            if (doneBeforeRelease) {
                throw new VerdictFailure(FUNCTIONAL, "sum was interrupted and returned " + wrong + " instead of " + expected
                        + " before its threads had summed anything: an interrupted sum must throw InterruptedException "
                        + "or wait for every part, never return a partial total");
            }
            Check.concurrent(false, () -> {
                try {
                    return ParallelSum.sum(values, 1) == expected;
                } catch (InterruptedException e) {
                    return false;
                }
            }, "sum, interrupted while its 3 threads worked, returned " + wrong + " instead of " + expected);
        }
        if (got != null && checkFlag[0]) {
            Check.that(checkFlag[1], FUNCTIONAL, "sum was interrupted, returned normally and cleared the thread's interrupt "
                    + "status: if you finish instead of throwing, set it again (Thread.currentThread().interrupt())");
        }
        List<Thread> left = leftBehind(before, gate.ranCode(), "sum");
        Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by the interrupted sum were still alive 1 s after "
                + "it ended: " + left);
    }

    /** Threads started since {@code before} (or seen running submission code) that are still alive after up to 1 s. */
    static List<Thread> leftBehind(Set<Thread> before, Set<Thread> ranCode, String callerName) throws InterruptedException {
        Set<Thread> suspects = new java.util.LinkedHashSet<>(ranCode);
        Threads.startedSince(before).stream().filter(t -> !t.getName().equals(callerName)).forEach(suspects::add);
        return Threads.aliveAfter(suspects, Duration.ofSeconds(1));
    }


    interface Body {
        void run() throws Exception;
    }

    static void expect(Class<? extends Exception> type, String what, Body body) throws Exception {
        try {
            Await.call("sum", Duration.ofSeconds(5), () -> {
                body.run();
                return null;
            });
        } catch (Exception e) {
            Check.that(type.isInstance(e), FUNCTIONAL, what + " threw " + e + " instead of " + type.getSimpleName());
            return;
        }
        throw new VerdictFailure(FUNCTIONAL, what + " returned normally instead of throwing " + type.getSimpleName());
    }
}
