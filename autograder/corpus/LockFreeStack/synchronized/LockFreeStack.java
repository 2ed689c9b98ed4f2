// expect: functional
// Bug: every method is synchronized: a correct stack, but a lock, so a thread descheduled inside push stops every other one.
// also: hang: the lock-freedom test stops a thread inside push or pop, and the others wait for its monitor until it goes on.
package exercises;

import java.util.Objects;

public final class LockFreeStack<T> {
    private static final class Node<T> {
        final T item;
        final Node<T> next;

        Node(T item, Node<T> next) {
            this.item = item;
            this.next = next;
        }
    }

    private Node<T> top;

    public LockFreeStack() {
    }

    public synchronized void push(T item) {
        Objects.requireNonNull(item, "item");
        top = new Node<>(item, top);
    }

    public synchronized T pop() {
        if (top == null) {
            return null;
        }
        T item = top.item;
        top = top.next;
        return item;
    }

    public synchronized boolean isEmpty() {
        return top == null;
    }
}
