// expect: functional
// Bug: wraps java.util.concurrent.Semaphore instead of building one.
package exercises;

import java.util.concurrent.Semaphore;

public final class CountingSemaphore {
    private final Semaphore inner;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        inner = new Semaphore(permits, true);
    }

    public void acquire() throws InterruptedException {
        inner.acquire();
    }

    public void release() {
        inner.release();
    }

    public int availablePermits() {
        return inner.availablePermits();
    }
}
