// expect: functional
// Bug: release hands its permit to a waiter; a waiter that finds itself interrupted when it wakes throws without giving the handed-over permit back, so availablePermits() no longer counts it.
package exercises;

public final class CountingSemaphore {
    private final Object lock = new Object();
    private int permits;
    private int waiting;
    private int handedOver;

    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        this.permits = permits;
    }

    public void acquire() throws InterruptedException {
        synchronized (lock) {
            if (permits > 0) {
                permits--;
                return;
            }
            waiting++;
            try {
                while (handedOver == 0) {
                    lock.wait();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                handedOver--;
            } finally {
                waiting--;
            }
        }
    }

    public void release() {
        synchronized (lock) {
            if (waiting > handedOver) {
                handedOver++;
                lock.notify();
            } else {
                permits++;
            }
        }
    }

    public int availablePermits() {
        synchronized (lock) {
            return permits;
        }
    }
}
