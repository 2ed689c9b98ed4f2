// Generated from solutions/src/main/java/exercises/SafeCounter.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/SafeCounter.md.

package exercises;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter that many threads may increment at once without losing updates.
 *
 * <p>CS:APP 12.5 ({@code badcnt.c}): {@code cnt++} is a load, an add and a store; two threads that
 * interleave them both store the same value and one increment is lost. The fix is to make the
 * read-modify-write atomic.
 */
public final class SafeCounter {
    // TODO

    /** A counter at zero. */
    public SafeCounter() {
    }

    /** Adds one, atomically. */
    public void increment() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** The number of increments that happened before this call. */
    public long get() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
