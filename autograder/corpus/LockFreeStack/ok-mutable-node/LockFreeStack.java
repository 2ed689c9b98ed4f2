// expect: pass
// Style: the textbook Treiber stack: one node per push whose plain next field is re-pointed before each CAS (the CAS publishes it), top a volatile field updated through AtomicReferenceFieldUpdater.
package exercises;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

public final class LockFreeStack<T> {
    private static final class Node<T> {
        final T item;
        Node<T> next;

        Node(T item) {
            this.item = item;
        }
    }

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<LockFreeStack, Node> TOP =
            AtomicReferenceFieldUpdater.newUpdater(LockFreeStack.class, Node.class, "top");

    private volatile Node<T> top;

    public LockFreeStack() {
    }

    public void push(T item) {
        if (item == null) {
            throw new NullPointerException();
        }
        Node<T> mine = new Node<>(item);
        do {
            mine.next = top;
        } while (!TOP.compareAndSet(this, mine.next, mine));
    }

    public T pop() {
        Node<T> seen;
        do {
            seen = top;
            if (seen == null) {
                return null;
            }
        } while (!TOP.compareAndSet(this, seen, seen.next));
        return seen.item;
    }

    public boolean isEmpty() {
        return top == null;
    }
}
