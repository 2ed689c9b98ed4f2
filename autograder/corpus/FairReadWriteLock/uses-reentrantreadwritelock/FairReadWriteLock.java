// expect: functional
// Bug: wraps a fair java.util.concurrent.locks.ReentrantReadWriteLock instead of building the lock.
package exercises;

import java.util.concurrent.locks.ReentrantReadWriteLock;

public final class FairReadWriteLock {
    private final ReentrantReadWriteLock inner = new ReentrantReadWriteLock(true);

    public FairReadWriteLock() {
    }

    public void lockRead() {
        inner.readLock().lock();
    }

    public void unlockRead() {
        inner.readLock().unlock();
    }

    public void lockWrite() {
        inner.writeLock().lock();
    }

    public void unlockWrite() {
        inner.writeLock().unlock();
    }
}
