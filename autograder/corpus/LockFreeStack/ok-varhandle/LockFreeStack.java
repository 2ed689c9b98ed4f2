// expect: pass
// Style: a VarHandle on a plain field of the stack itself (acquire reads, compareAndSet), no atomic object.
package exercises;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

public final class LockFreeStack<T> {
    private record Node<T>(T item, Node<T> next) {
    }

    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(LockFreeStack.class, "top", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through TOP only
    private Node<T> top;

    public LockFreeStack() {
    }

    @SuppressWarnings("unchecked")
    private Node<T> top() {
        return (Node<T>) TOP.getAcquire(this);
    }

    public void push(T item) {
        Objects.requireNonNull(item, "item");
        Node<T> seen;
        do {
            seen = top();
        } while (!TOP.compareAndSet(this, seen, new Node<>(item, seen)));
    }

    public T pop() {
        while (true) {
            Node<T> seen = top();
            if (seen == null) {
                return null;
            }
            if (TOP.compareAndSet(this, seen, seen.next())) {
                return seen.item();
            }
        }
    }

    public boolean isEmpty() {
        return top() == null;
    }
}
