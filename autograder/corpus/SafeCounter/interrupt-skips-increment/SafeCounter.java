// expect: functional
// Bug: increment takes its lock interruptibly and returns without counting when its thread is interrupted (the interrupt swallowed).
package exercises;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that many threads may increment at once without losing updates.
 *
 * <p>CS:APP 12.5 ({@code badcnt.c}): {@code cnt++} is a load, an add and a store; two threads that
 * interleave them both store the same value and one increment is lost. The fix is to make the
 * read-modify-write atomic.
 */
public final class SafeCounter {
    // BEGIN SOLUTION
    // An atomic compare-and-set loop, done by the hardware: no increment can be lost, and get()
    // reads the one current value, so the counter is linearizable. (A LongAdder would scale
    // better under contention, but its sum() is not linearizable while increments are running.)
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long count;
    // END SOLUTION

    /** A counter at zero. */
    public SafeCounter() {
    }

    /** Adds one, atomically. */
    public void increment() {
        // BEGIN SOLUTION (throw)
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            return;
        }
        try {
            count++;
        } finally {
            lock.unlock();
        }
        // END SOLUTION
    }

    /** The number of increments that happened before this call. */
    public long get() {
        // BEGIN SOLUTION (throw)
        return count;
        // END SOLUTION
    }
}
