// expect: hang
// Bug: a flag set by compare-and-set guards the list, a lock in all but name: a thread stopped while it holds the flag leaves every other thread spinning.
package exercises;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

public final class LockFreeStack<T> {
    private record Node<T>(T item, Node<T> next) {
    }

    private final AtomicBoolean busy = new AtomicBoolean();
    private Node<T> top;

    public LockFreeStack() {
    }

    private void enter() {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    private void leave() {
        busy.set(false);
    }

    public void push(T item) {
        Objects.requireNonNull(item, "item");
        enter();
        try {
            top = new Node<>(item, top);
        } finally {
            leave();
        }
    }

    public T pop() {
        enter();
        try {
            if (top == null) {
                return null;
            }
            T item = top.item();
            top = top.next();
            return item;
        } finally {
            leave();
        }
    }

    public boolean isEmpty() {
        enter();
        try {
            return top == null;
        } finally {
            leave();
        }
    }
}
