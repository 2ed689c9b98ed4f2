// expect: functional
// Bug: wraps java.util.concurrent.ArrayBlockingQueue instead of building the buffer.
package exercises;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;

public final class BoundedBuffer<T> {
    private final ArrayBlockingQueue<T> inner;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        inner = new ArrayBlockingQueue<>(capacity, true);
    }

    public void put(T item) throws InterruptedException {
        inner.put(Objects.requireNonNull(item, "item"));
    }

    public T take() throws InterruptedException {
        return inner.take();
    }

    public int size() {
        return inner.size();
    }
}
