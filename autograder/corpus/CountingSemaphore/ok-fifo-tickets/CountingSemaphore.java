// expect: pass
// Style: a FIFO semaphore: each waiter is a node in a queue with its own Condition; release hands the permit to the oldest waiter.
package exercises;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class CountingSemaphore {
    /** A waiting acquirer; {@code granted} is set by the release that hands it a permit. */
    private static final class Waiter {
        final Condition turn;
        boolean granted;

        Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (permits > 0 && waiters.isEmpty()) {
                permits--;
                return;
            }
            Waiter me = new Waiter(lock.newCondition());
            waiters.addLast(me);
            try {
                while (!me.granted) {
                    me.turn.await();
                }
            } catch (InterruptedException e) {
                if (me.granted) {
                    // The permit was handed to us just before the interrupt: keep it, as a
                    // completed acquire, and keep the interrupt status.
                    Thread.currentThread().interrupt();
                    return;
                }
                waiters.remove(me);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            Waiter next = waiters.pollFirst();
            if (next == null) {
                permits++;
            } else {
                next.granted = true;
                next.turn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    public int availablePermits() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }
}
