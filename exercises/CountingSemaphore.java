// Generated from solutions/src/main/java/exercises/CountingSemaphore.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/CountingSemaphore.md.

package exercises;

/**
 * A counting semaphore (Dijkstra's P and V) built from a monitor: {@code acquire} takes a permit,
 * waiting until one is free; {@code release} gives one back.
 *
 * <p>CS:APP 12.5.2. Write it with {@code synchronized}, {@code wait} and {@code notify} (or a
 * {@code Lock} and a {@code Condition}), not with {@code java.util.concurrent.Semaphore}.
 */
public final class CountingSemaphore {
    // TODO

    /**
     * A semaphore with {@code permits} free permits.
     *
     * @throws IllegalArgumentException if {@code permits < 0}
     */
    public CountingSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be at least 0, got " + permits);
        }
        // TODO
    }

    /**
     * Takes a permit, waiting until one is free (P).
     *
     * @throws InterruptedException if interrupted while waiting; no permit is then taken
     */
    public void acquire() throws InterruptedException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** Returns a permit and wakes one waiting thread, if any (V). */
    public void release() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** The number of free permits at some moment during the call. */
    public int availablePermits() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
