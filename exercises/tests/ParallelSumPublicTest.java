package exercises.tests;

import exercises.ParallelSum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Probe;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static racecourse.grader.harness.Verdict.RESOURCES;
import static racecourse.grader.harness.Verdict.SERIALIZED;

/** Public tests of ParallelSum (the grader also runs hidden ones). */
class ParallelSumPublicTest {
    @Test
    @DisplayName("right sums: empty array, more threads than values, uneven slices, overflow wraps")
    void rightSums() throws Exception {
        Random r = new Random(5);
        for (int n : new int[] {0, 1, 2, 3, 10, 1001}) {
            for (int threads : new int[] {1, 2, 3, 7}) {
                long[] values = r.longs(n).toArray();
                long expected = LongStream.of(values).sum();
                long got = Await.call("sum", Duration.ofSeconds(5), () -> ParallelSum.sum(values, threads));
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
    void threadsRunInParallel() throws Exception {
        long[] values = new long[200_000];
        java.util.Arrays.fill(values, 3);
        Probe.Rendezvous meeting = Probe.arm(2, 1500);
        long got;
        try {
            got = Await.call("sum", Duration.ofSeconds(10), () -> ParallelSum.sum(values, 2));
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
        Check.that(meeting.met(), SERIALIZED, "with 2 threads, no two threads read the array at the same time ("
                + meeting.threads() + " thread(s) read it): one thread did all the work, or each thread was joined "
                + "before the next one started");
    }

    @Test
    @DisplayName("every thread has ended when sum returns")
    void noThreadLeftBehind() throws Exception {
        long[] values = new long[10_000];
        java.util.Arrays.fill(values, 1);
        for (int round = 0; round < 5; round++) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            Await.call("sum", Duration.ofSeconds(5), () -> ParallelSum.sum(values, 4));
            long left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("sum")).count();
            Check.that(left == 0, RESOURCES, left + " threads started by sum were still alive after it returned");
        }
    }
}
