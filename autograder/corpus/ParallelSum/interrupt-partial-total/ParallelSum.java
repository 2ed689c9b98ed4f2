// expect: functional
// Bug: when interrupted it stops waiting and returns the total of the parts joined so far.
package exercises;

/**
 * Sums an array with several threads, each summing one part.
 *
 * <p>CS:APP 12.6 ({@code psum}): give each thread its own slice and its own result slot, so the
 * threads share nothing while they run, and combine the results after joining them.
 */
public final class ParallelSum {
    private ParallelSum() {
    }

    /**
     * The sum of {@code values} (wrapping on overflow, as {@code +} does), computed by
     * {@code threads} new threads, each summing one contiguous part of the array.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws NullPointerException if {@code values} is null
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        // BEGIN SOLUTION (throw)
        int n = values.length;
        long[] partial = new long[threads];   // slot i is written by thread i only
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            // Slice t is [n*t/threads, n*(t+1)/threads): sizes differ by at most one, and the
            // slices cover the array exactly. Computed in long so n*t cannot overflow.
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            int slot = t;
            // Every thread is started, even with an empty slice: the caller asked for that many.
            workers[t] = Thread.ofPlatform().name("psum-" + t).start(() -> {
                long s = 0;                       // a local accumulator: no sharing in the loop
                for (int i = from; i < to; i++) {
                    s += values[i];
                }
                partial[slot] = s;
            });
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            // join() makes the thread's write of partial[t] visible here (happens-before).
            try {
                workers[t].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            total += partial[t];
        }
        return total;
        // END SOLUTION
    }
}
