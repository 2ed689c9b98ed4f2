// expect: functional
// Bug: an interrupt that arrives while a thread waits is swallowed: the thread gets the lock with its interrupt status cleared.
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
    // BEGIN SOLUTION
    // Arrival order decides, like tickets at a bakery: each thread that wants the lock takes the
    // next ticket, and tickets are admitted strictly in order. A reader that is admitted lets the
    // next ticket in at once (readers share), so a run of consecutive readers enters together; a
    // writer is admitted only once the readers before it have left. Nobody can overtake a waiting
    // thread, so nobody starves, whichever side keeps arriving.
    private final Object lock = new Object();
    private long nextTicket;       // the ticket the next arriving thread takes
    private long nowServing;       // the ticket allowed to enter next
    private int readers;           // readers holding the lock
    private Thread writer;         // the writer holding the lock, or null; all guarded by lock
    // END SOLUTION

    /** An unlocked lock. */
    public FairReadWriteLock() {
    }

    /** Waits until no writer holds the lock and no writer that arrived earlier waits, then reads. */
    public void lockRead() {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            long ticket = nextTicket++;
            boolean interrupted = false;
            // A while: every change of state wakes everybody (notifyAll), and each thread
            // re-checks whether it is now its turn.
            while (ticket != nowServing || writer != null) {
                interrupted |= waitUninterruptibly();
            }
            readers++;
            nowServing++;           // the next in line may be a reader too: let it check
            lock.notifyAll();
        }
        // END SOLUTION
    }

    /**
     * Gives up a read hold.
     *
     * @throws IllegalMonitorStateException if no reader holds the lock
     */
    public void unlockRead() {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            if (readers == 0) {
                throw new IllegalMonitorStateException("unlockRead without lockRead");
            }
            readers--;
            if (readers == 0) {
                lock.notifyAll();   // a writer may be waiting for the last reader to leave
            }
        }
        // END SOLUTION
    }

    /** Waits until nobody holds the lock and every thread that arrived earlier has had its turn. */
    public void lockWrite() {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            long ticket = nextTicket++;
            boolean interrupted = false;
            while (ticket != nowServing || writer != null || readers > 0) {
                interrupted |= waitUninterruptibly();
            }
            writer = Thread.currentThread();
            nowServing++;           // the next in line now waits for this writer to leave
        }
        // END SOLUTION
    }

    /**
     * Gives up the write hold.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the write lock
     */
    public void unlockWrite() {
        // BEGIN SOLUTION (throw)
        synchronized (lock) {
            if (writer != Thread.currentThread()) {
                throw new IllegalMonitorStateException("unlockWrite by a thread that does not hold the write lock");
            }
            writer = null;
            lock.notifyAll();
        }
        // END SOLUTION
    }
    // BEGIN SOLUTION

    /**
     * Waits on the lock (which the caller holds) and reports whether an interrupt arrived. A
     * thread that holds a ticket must not leave the queue, or every later ticket would wait
     * forever; so an interrupt is only remembered, and restored once the thread is in.
     */
    private boolean waitUninterruptibly() {
        try {
            lock.wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
    // END SOLUTION
}
