// Generated from solutions/src/main/java/exercises/ReusableBarrier.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/ReusableBarrier.md.

package exercises;

/**
 * A barrier for a fixed number of threads that can be used again and again: each call to
 * {@code await} blocks until {@code parties} threads have called it in this round; then they all
 * proceed and the next round starts.
 */
public final class ReusableBarrier {
    private final int parties;
    // TODO

    /**
     * A barrier for {@code parties} threads.
     *
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public ReusableBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        this.parties = parties;
    }

    /**
     * Waits until {@code parties} threads have called this method in the current round.
     *
     * @throws InterruptedException if interrupted before the round completed; the thread then no
     *     longer counts as arrived in this round
     */
    public void await() throws InterruptedException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
