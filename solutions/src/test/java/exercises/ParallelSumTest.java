package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelSumTest {
    @Test
    void rejectsFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> ParallelSum.sum(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> ParallelSum.sum(new long[] {1}, -2));
    }

    @Test
    void sumsLikeALoopForAnyNumberOfThreads() throws Exception {
        Random r = new Random(42);
        for (int n : new int[] {0, 1, 2, 7, 100, 1001}) {
            long[] a = r.longs(n, -1_000_000, 1_000_000).toArray();
            long expected = 0;
            for (long v : a) {
                expected += v;
            }
            for (int threads : new int[] {1, 2, 3, 8, 13}) {   // 13 > 7: some threads get nothing
                assertEquals(expected, ParallelSum.sum(a, threads), "n=" + n + ", threads=" + threads);
            }
        }
    }

    @Test
    void wrapsOnOverflowLikePlus() throws Exception {
        long[] a = {Long.MAX_VALUE, 1, Long.MAX_VALUE, 2};
        assertEquals(Long.MAX_VALUE + 1 + Long.MAX_VALUE + 2, ParallelSum.sum(a, 2));
    }

    @Test
    void leavesTheArrayAlone() throws Exception {
        long[] a = {5, 6, 7};
        ParallelSum.sum(a, 2);
        assertEquals(5, a[0]);
        assertEquals(6, a[1]);
        assertEquals(7, a[2]);
    }

    @Test
    void reallyStartsThatManyThreads() throws Exception {
        var mx = ManagementFactory.getThreadMXBean();
        long before = mx.getTotalStartedThreadCount();
        assertEquals(55, ParallelSum.sum(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 7));
        long started = mx.getTotalStartedThreadCount() - before;
        assertTrue(started >= 7, "asked for 7 threads, " + started + " were started");
    }

    @Test
    void nullArrayIsRejected() {
        assertThrows(NullPointerException.class, () -> ParallelSum.sum(null, 2));
    }
}
