// expect: hang
// Bug: every 700th increment returns early without unlocking; the lock stays held and other threads wait forever.
package exercises;

import java.util.concurrent.locks.ReentrantLock;

public final class SafeCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public SafeCounter() {
    }

    public void increment() {
        lock.lock();
        count++;
        if (count % 700 == 0) {
            return;
        }
        lock.unlock();
    }

    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
