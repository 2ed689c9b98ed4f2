// expect: pass
// Style: dense intrinsic monitor on this: arrival counter plus a round number; waiters wait for their round to change.
package exercises;

public final class ReusableBarrier {
    private final int parties;
    private int arrived;
    private long round;

    public ReusableBarrier(int parties) {
        if (parties < 1) throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        this.parties = parties;
    }

    public synchronized void await() throws InterruptedException {
        long myRound = round;
        if (++arrived == parties) {
            arrived = 0;
            round++;
            notifyAll();
            return;
        }
        try {
            while (round == myRound) wait();
        } catch (InterruptedException e) {
            if (round != myRound) { // our round completed anyway
                Thread.currentThread().interrupt();
                return;
            }
            arrived--; // no longer counts as arrived
            throw e;
        }
    }
}
