// expect: pass
// Style: verbose textbook: a nested Thread subclass per part with its own result field, balanced split, join all.
package exercises;

import java.util.Objects;

public final class ParallelSum {
    private ParallelSum() {
    }

    /** Sums values[from, to) into its own field; read only after join(). */
    private static final class PartSummer extends Thread {
        private final long[] values;
        private final int from;
        private final int to;
        private long partialSum;

        PartSummer(long[] values, int from, int to, int index) {
            super("psum-" + index);
            this.values = values;
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            long s = 0;
            for (int i = from; i < to; i++) {
                s += values[i];
            }
            partialSum = s;
        }

        long partialSum() {
            return partialSum;
        }
    }

    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(values, "values");
        int n = values.length;
        int base = n / threads;
        int extra = n % threads; // the first `extra` parts get one more element
        PartSummer[] summers = new PartSummer[threads];
        int start = 0;
        for (int t = 0; t < threads; t++) {
            int size = base + (t < extra ? 1 : 0);
            summers[t] = new PartSummer(values, start, start + size, t);
            start += size;
        }
        for (PartSummer s : summers) {
            s.start();
        }
        InterruptedException interrupted = null;
        for (PartSummer s : summers) {
            while (true) {
                try {
                    s.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = e; // finish joining: no thread may outlive this call
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        long total = 0;
        for (PartSummer s : summers) {
            total += s.partialSum();
        }
        return total;
    }
}
