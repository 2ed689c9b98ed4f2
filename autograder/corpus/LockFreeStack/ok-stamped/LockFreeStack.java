// expect: pass
// Style: AtomicStampedReference: the top paired with a version that every change increments (ABA-proof even with reused nodes).
package exercises;

import java.util.concurrent.atomic.AtomicStampedReference;

public final class LockFreeStack<T> {
    private static final class Node<T> {
        final T item;
        final Node<T> next;

        Node(T item, Node<T> next) {
            this.item = item;
            this.next = next;
        }
    }

    private final AtomicStampedReference<Node<T>> top = new AtomicStampedReference<>(null, 0);

    public LockFreeStack() {
    }

    public void push(T item) {
        if (item == null) {
            throw new NullPointerException("item");
        }
        int[] stamp = new int[1];
        while (true) {
            Node<T> seen = top.get(stamp);
            if (top.compareAndSet(seen, new Node<>(item, seen), stamp[0], stamp[0] + 1)) {
                return;
            }
        }
    }

    public T pop() {
        int[] stamp = new int[1];
        while (true) {
            Node<T> seen = top.get(stamp);
            if (seen == null) {
                return null;
            }
            if (top.compareAndSet(seen, seen.next, stamp[0], stamp[0] + 1)) {
                return seen.item;
            }
        }
    }

    public boolean isEmpty() {
        return top.getReference() == null;
    }
}
