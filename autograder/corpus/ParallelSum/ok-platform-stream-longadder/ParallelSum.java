// expect: pass
// Style: new Thread(Runnable) platform threads, each sums its slice with a sequential Arrays.stream(a, lo, hi).sum() and adds it once to a LongAdder.
package exercises;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

public final class ParallelSum {
    private ParallelSum() {
    }

    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(values, "values");
        LongAdder total = new LongAdder(); // one add per thread, so no contention to speak of
        List<Thread> workers = new ArrayList<>();
        int n = values.length;
        for (int t = 0; t < threads; t++) {
            int lo = (int) ((long) n * t / threads), hi = (int) ((long) n * (t + 1) / threads);
            Thread w = new Thread(() -> total.add(Arrays.stream(values, lo, hi).sum()), "slice-" + t);
            workers.add(w);
            w.start();
        }
        InterruptedException interrupt = null;
        for (Thread w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupt = e;
                }
            }
        }
        if (interrupt != null) {
            throw interrupt;
        }
        return total.sum();
    }
}
