// expect: pass
// Style: virtual threads (Thread.ofVirtual()), each summing its chunk with a sequential Arrays.stream(a, lo, hi).sum().
package exercises;

import java.util.Arrays;
import java.util.Objects;

public final class ParallelSum {
    private ParallelSum() {
    }

    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(values, "values");
        int chunk = (values.length + threads - 1) / threads; // ceiling: the last parts may be empty
        long[] partial = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            int lo = Math.min(values.length, t * chunk);
            int hi = Math.min(values.length, lo + chunk);
            workers[t] = Thread.ofVirtual().name("psum-", t).start(() -> partial[id] = Arrays.stream(values, lo, hi).sum());
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            for (Thread w : workers) {
                boolean done = false;
                while (!done) {
                    try {
                        w.join();
                        done = true;
                    } catch (InterruptedException again) {
                        // keep waiting: every thread must have ended when we return
                    }
                }
            }
            throw e;
        }
        return Arrays.stream(partial).sum();
    }
}
