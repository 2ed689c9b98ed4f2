// expect: pass
// Style: Lea's CPJ monitor: private lock, notify() one waiter, and an interrupted waiter passes a notification on.
package exercises;

public final class CountingSemaphore {
    private final Object lock = new Object();
    private int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (lock) {
            try {
                while (permits == 0) {
                    lock.wait();
                }
                permits--;
            } catch (InterruptedException e) {
                // We may have consumed a notify meant for a permit we will not take: pass it on.
                lock.notify();
                throw e;
            }
        }
    }

    public void release() {
        synchronized (lock) {
            permits++;
            lock.notify();
        }
    }

    public int availablePermits() {
        synchronized (lock) {
            return permits;
        }
    }
}
