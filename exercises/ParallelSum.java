// Generated from solutions/src/main/java/exercises/ParallelSum.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/ParallelSum.md.

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
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
