// expect: race
// Bug: push and pop use a VarHandle, but isEmpty reads the plain field: a thread polling isEmpty may never see a push.
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

    private Node<T> top;

    public LockFreeStack() {
    }

    public void push(T item) {
        Objects.requireNonNull(item, "item");
        while (true) {
            @SuppressWarnings("unchecked")
            Node<T> seen = (Node<T>) TOP.getAcquire(this);
            if (TOP.compareAndSet(this, seen, new Node<>(item, seen))) {
                return;
            }
        }
    }

    public T pop() {
        while (true) {
            @SuppressWarnings("unchecked")
            Node<T> seen = (Node<T>) TOP.getAcquire(this);
            if (seen == null) {
                return null;
            }
            if (TOP.compareAndSet(this, seen, seen.next())) {
                return seen.item();
            }
        }
    }

    public boolean isEmpty() {
        return top == null;
    }
}
