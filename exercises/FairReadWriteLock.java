// Generated from solutions/src/main/java/exercises/FairReadWriteLock.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/FairReadWriteLock.md.

package exercises;

/**
 * A readers-writers lock in which nobody starves: any number of readers may hold it together, a
 * writer holds it alone, a waiting writer gets in even while readers keep arriving, and waiting
 * readers get in even while writers keep arriving.
 *
 * <p>CS:APP 12.5.4 gives the "first readers-writers" solution, which lets readers starve writers;
 * this one is fair. The methods do not throw {@code InterruptedException}: an interrupt that
 * arrives while a thread waits is kept as the thread's interrupt status. The lock is not
 * reentrant.
 */
public final class FairReadWriteLock {
    // TODO

    /** An unlocked lock. */
    public FairReadWriteLock() {
    }

    /** Waits until no writer holds the lock and no writer that arrived earlier waits, then reads. */
    public void lockRead() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Gives up a read hold.
     *
     * @throws IllegalMonitorStateException if no reader holds the lock
     */
    public void unlockRead() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** Waits until nobody holds the lock and every thread that arrived earlier has had its turn. */
    public void lockWrite() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Gives up the write hold.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the write lock
     */
    public void unlockWrite() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
    // TODO
}
