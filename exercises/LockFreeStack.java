// Generated from solutions/src/main/java/exercises/LockFreeStack.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/LockFreeStack.md.

package exercises;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stack that many threads push to and pop from at once without any lock: a thread stopped in the
 * middle of {@code push} or {@code pop} (descheduled, paused in a debugger) never stops the others.
 *
 * <p>The design is R. K. Treiber's (IBM, 1986): a linked list whose top is one atomic reference,
 * changed only by compare-and-set; Herlihy and Shavit, <i>The Art of Multiprocessor Programming</i>,
 * 11.2. Notebook 08 builds one.
 *
 * @param <T> the type of the items (not null)
 */
public final class LockFreeStack<T> {
    // TODO

    /** An empty stack. */
    public LockFreeStack() {
    }

    /**
     * Puts {@code item} on top.
     *
     * @throws NullPointerException if {@code item} is null
     */
    public void push(T item) {
        Objects.requireNonNull(item, "item");
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** Takes the top item off and returns it, or returns null if the stack is empty. */
    public T pop() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether the stack holds no item at the moment of the call. */
    public boolean isEmpty() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
