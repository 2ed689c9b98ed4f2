// expect: functional
// Bug: each worker's loop runs to i <= to, so the last one reads past the array and dies with ArrayIndexOutOfBoundsException before counting down the latch the caller waits on.
package exercises;

import java.util.concurrent.CountDownLatch;

public final class ParallelSum {
    private ParallelSum() {
    }

    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int n = values.length;
        long[] partial = new long[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            int slot = t;
            Thread.ofPlatform().name("psum-" + t).start(() -> {
                long s = 0;
                for (int i = from; i <= to; i++) {
                    s += values[i];
                }
                partial[slot] = s;
                done.countDown();
            });
        }
        done.await();
        long total = 0;
        for (long p : partial) {
            total += p;
        }
        return total;
    }
}
