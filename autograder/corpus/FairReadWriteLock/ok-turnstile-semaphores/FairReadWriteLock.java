// expect: pass
// Style: Little Book of Semaphores "no-starve readers-writers": a fair turnstile, a room-empty semaphore and a reader lightswitch.
package exercises;

import java.util.concurrent.Semaphore;

/**
 * Everyone passes a fair (FIFO) turnstile on the way in; a writer keeps it until it leaves, so
 * readers that arrive behind a writer queue up behind it, and the writer waits only for the
 * readers already in the room. acquireUninterruptibly keeps an interrupt as the thread's status.
 */
public final class FairReadWriteLock {
    private final Semaphore turnstile = new Semaphore(1, true);
    private final Semaphore roomEmpty = new Semaphore(1, true);
    private final Semaphore readersMutex = new Semaphore(1, true);
    private int readers; // guarded by readersMutex
    private volatile Thread writer;

    public FairReadWriteLock() {
    }

    public void lockRead() {
        turnstile.acquireUninterruptibly();
        turnstile.release();
        readersMutex.acquireUninterruptibly();
        try {
            if (++readers == 1) {
                roomEmpty.acquireUninterruptibly(); // first reader in locks writers out
            }
        } finally {
            readersMutex.release();
        }
    }

    public void unlockRead() {
        readersMutex.acquireUninterruptibly();
        try {
            if (readers == 0) {
                throw new IllegalMonitorStateException("no reader holds the lock");
            }
            if (--readers == 0) {
                roomEmpty.release(); // last reader out lets a writer in
            }
        } finally {
            readersMutex.release();
        }
    }

    public void lockWrite() {
        turnstile.acquireUninterruptibly();
        roomEmpty.acquireUninterruptibly();
        writer = Thread.currentThread();
    }

    public void unlockWrite() {
        if (writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("the calling thread does not hold the write lock");
        }
        writer = null;
        turnstile.release();
        roomEmpty.release();
    }
}
