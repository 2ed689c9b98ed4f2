// expect: pass
// Style: ReentrantLock and one Condition, lockInterruptibly, signal(); the count is volatile so reading it takes no lock.
package exercises;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class CountingSemaphore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitFree = lock.newCondition();
    private volatile int permits;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (permits == 0) {
                permitFree.await();
            }
            permits = permits - 1;
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            permits = permits + 1;
            permitFree.signal();
        } finally {
            lock.unlock();
        }
    }

    public int availablePermits() {
        return permits;
    }
}
