// expect: pass
// Style: ownership-checking lock: a fair ReentrantLock is the turnstile a writer holds while writing (its unlock checks the owner), readers counted in a small monitor.
package exercises;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Readers and writers line up at one fair (first-come first-served) lock. A reader passes it and
 * lets go at once; a writer keeps it, waits for the readers already inside to leave, and writes.
 * Everyone who arrives later waits in the fair lock's queue: nobody is overtaken.
 */
public final class FairReadWriteLock {
    private final ReentrantLock turnstile = new ReentrantLock(true);
    private final Object room = new Object();
    private int readersInside; // guarded by room

    public FairReadWriteLock() {
    }

    public void lockRead() {
        turnstile.lock(); // lock() is not interruptible and keeps the interrupt status
        try {
            synchronized (room) {
                readersInside++;
            }
        } finally {
            turnstile.unlock();
        }
    }

    public void unlockRead() {
        synchronized (room) {
            if (readersInside == 0) {
                throw new IllegalMonitorStateException("no reader holds the lock");
            }
            readersInside--;
            if (readersInside == 0) {
                room.notifyAll();
            }
        }
    }

    public void lockWrite() {
        turnstile.lock();
        boolean interrupted = false;
        synchronized (room) {
            while (readersInside > 0) {
                try {
                    room.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public void unlockWrite() {
        // ReentrantLock.unlock throws IllegalMonitorStateException if this thread is not the writer.
        turnstile.unlock();
    }
}
