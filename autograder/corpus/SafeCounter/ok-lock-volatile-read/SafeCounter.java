// expect: pass
// Style: writes under a ReentrantLock, reads of a volatile field without the lock (JCIP's cheap read-write trick).
package exercises;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Increments are serialized by a lock; the field is volatile, so a reader sees the latest
 * completed increment without taking the lock and never waits behind incrementers.
 */
public final class SafeCounter {
    private final Lock writeLock = new ReentrantLock();
    private volatile long count;

    public SafeCounter() {
    }

    public void increment() {
        writeLock.lock();
        try {
            count = count + 1;
        } finally {
            writeLock.unlock();
        }
    }

    public long get() {
        return count;
    }
}
