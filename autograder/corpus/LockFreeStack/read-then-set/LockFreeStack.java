// expect: race
// Bug: push reads the top and then sets it, two atomic calls but not one atomic step: a push between them is lost.
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
    // BEGIN SOLUTION
    // Nodes are immutable: a node, once visible, never changes, so a thread that read the top may
    // read its item and successor with no further synchronization. Only the top moves, by CAS.
    private record Node<T>(T item, Node<T> next) {
    }

    private final AtomicReference<Node<T>> top = new AtomicReference<>();
    // END SOLUTION

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
        // BEGIN SOLUTION (throw)
        top.set(new Node<>(item, top.get()));
        // END SOLUTION
    }

    /** Takes the top item off and returns it, or returns null if the stack is empty. */
    public T pop() {
        // BEGIN SOLUTION (throw)
        while (true) {
            Node<T> seen = top.get();
            if (seen == null) {
                return null;         // empty at the moment we read the top: that is when pop took effect
            }
            if (top.compareAndSet(seen, seen.next())) {
                return seen.item();
            }
            // Somebody moved the top between our read and our CAS: retry with the new one. (No ABA
            // here: we never reuse a node, and the garbage collector never frees one we still hold.)
        }
        // END SOLUTION
    }

    /** Whether the stack holds no item at the moment of the call. */
    public boolean isEmpty() {
        // BEGIN SOLUTION (throw)
        return top.get() == null;
        // END SOLUTION
    }
}
