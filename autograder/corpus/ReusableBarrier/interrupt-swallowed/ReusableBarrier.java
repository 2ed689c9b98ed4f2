// expect: functional
// Bug: await catches the InterruptedException and keeps waiting: an interrupted party never leaves.
package exercises;

/**
 * A barrier for a fixed number of threads that can be used again and again: each call to
 * {@code await} blocks until {@code parties} threads have called it in this round; then they all
 * proceed and the next round starts.
 */
public final class ReusableBarrier {
    private final int parties;
    // BEGIN SOLUTION
    private final Object lock = new Object();
    private int arrived;       // threads waiting in the current round; guarded by lock
    private long round;        // incremented each time a round completes; guarded by lock
    // END SOLUTION

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
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            long myRound = round;
            arrived++;
            if (arrived == parties) {
                // The last one in opens the barrier: reset the count for the next round *before*
                // anyone leaves, so a fast thread that comes straight back joins the new round.
                arrived = 0;
                round++;
                lock.notifyAll();
                return;
            }
            // Wait for *our* round to end, not for arrived == parties: by the time a woken thread
            // runs, arrived has been reset and may already count threads of the next round. The
            // while also absorbs spurious wakeups.
            while (round == myRound) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    if (round != myRound) {
                        // The round completed anyway: pass, but keep the interrupt.
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
            }
        }
        // END SOLUTION
    }
}
