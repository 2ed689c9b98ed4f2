// expect: pass
// Style: Thread.startVirtualThread per slice with a plain for loop into its own slot of a long[]; join all.
package exercises;

import java.util.Objects;

public final class ParallelSum {
    private ParallelSum() {}

    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        Objects.requireNonNull(values, "values");
        long[] slot = new long[threads];
        Thread[] ts = new Thread[threads];
        int n = values.length, q = n / threads, r = n % threads;
        for (int t = 0, lo = 0; t < threads; t++) {
            int from = lo, to = lo + q + (t < r ? 1 : 0), me = t;
            lo = to;
            ts[t] = Thread.startVirtualThread(() -> {
                long s = 0;
                for (int i = from; i < to; i++) s += values[i];
                slot[me] = s;
            });
        }
        boolean interrupted = false;
        for (Thread t : ts) {
            while (true) try { t.join(); break; } catch (InterruptedException e) { interrupted = true; }
        }
        if (interrupted) throw new InterruptedException();
        long total = 0;
        for (long s : slot) total += s;
        return total;
    }
}
