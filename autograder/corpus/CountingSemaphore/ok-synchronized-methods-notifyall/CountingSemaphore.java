// expect: pass
// Style: dense student version: synchronized methods on this, while-wait, notifyAll.
package exercises;

public final class CountingSemaphore {
    private int n;

    public CountingSemaphore(int permits) {
        if (permits < 0) throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        n = permits;
    }

    public synchronized void acquire() throws InterruptedException {
        while (n == 0) wait();
        n--;
    }

    public synchronized void release() {
        n++;
        notifyAll();
    }

    public synchronized int availablePermits() {
        return n;
    }
}
