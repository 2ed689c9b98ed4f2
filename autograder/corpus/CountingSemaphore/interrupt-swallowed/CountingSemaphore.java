// expect: functional
// Bug: acquire catches the InterruptedException of wait and keeps waiting: an interrupted acquire never throws.
package exercises;

/**
 * A counting semaphore (Dijkstra's P and V) built from a monitor: {@code acquire} takes a permit,
 * waiting until one is free; {@code release} gives one back.
 *
 * <p>CS:APP 12.5.2. Write it with {@code synchronized}, {@code wait} and {@code notify} (or a
 * {@code Lock} and a {@code Condition}), not with {@code java.util.concurrent.Semaphore}.
 */
public final class CountingSemaphore {
    // BEGIN SOLUTION
    // A private lock: code outside this class cannot synchronize on it and steal notifications.
    private final Object lock = new Object();
    private int permits;   // guarded by lock
    // END SOLUTION

    /**
     * A semaphore with {@code permits} free permits.
     *
     * @throws IllegalArgumentException if {@code permits < 0}
     */
    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        // BEGIN SOLUTION
        this.permits = permits;
        // END SOLUTION
    }

    /**
     * Takes a permit, waiting until one is free (P).
     *
     * @throws InterruptedException if interrupted while waiting; no permit is then taken
     */
    public void acquire() throws InterruptedException {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            // A while, not an if: wait() may return spuriously, and another acquirer may have
            // taken the permit between the notify and our getting the lock back.
            while (permits == 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
            permits--;
        }
        // END SOLUTION
    }

    /** Returns a permit and wakes one waiting thread, if any (V). */
    public void release() {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            permits++;
            // One permit can let exactly one waiter through, and every waiter waits for the same
            // thing, so notify() (not notifyAll) suffices. A notified thread that is interrupted
            // at the same moment does not swallow the wakeup: JLS 17.2.4 guarantees that another
            // waiter then returns from wait().
            lock.notify();
        }
        // END SOLUTION
    }

    /** The number of free permits at some moment during the call. */
    public int availablePermits() {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            return permits;
        }
        // END SOLUTION
    }
}
