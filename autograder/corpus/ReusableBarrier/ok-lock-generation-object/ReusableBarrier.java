// expect: pass
// Style: ReentrantLock + Condition, a fresh Generation object per round (as CyclicBarrier does internally), verbose.
package exercises;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class ReusableBarrier {
    /** One round of the barrier; replaced by a new one when the round trips. */
    private static final class Generation {
        int waiting;
        boolean tripped;
    }

    private final int parties;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition trip = lock.newCondition();
    private Generation current = new Generation();

    public ReusableBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        this.parties = parties;
    }

    public void await() throws InterruptedException {
        lock.lock();
        try {
            Generation mine = current;
            mine.waiting++;
            if (mine.waiting == parties) {
                mine.tripped = true;
                current = new Generation();
                trip.signalAll();
                return;
            }
            while (!mine.tripped) {
                try {
                    trip.await();
                } catch (InterruptedException e) {
                    if (mine.tripped) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    mine.waiting--;
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
