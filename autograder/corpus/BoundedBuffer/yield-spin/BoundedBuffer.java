// expect: functional
// Bug: put and take never block; they retry in a loop with Thread.yield() until there is room or
// an item (busy waiting, R7). Correct results, but a waiting thread burns a core.
package exercises;

import java.util.Objects;

public final class BoundedBuffer<T> {
    private final Object[] items;
    private int front;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        items = new Object[capacity];
    }

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (this) {
                if (count < items.length) {
                    items[(front + count) % items.length] = item;
                    count++;
                    return;
                }
            }
            Thread.yield();
        }
    }

    public T take() throws InterruptedException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (this) {
                if (count > 0) {
                    @SuppressWarnings("unchecked")
                    T item = (T) items[front];
                    items[front] = null;
                    front = (front + 1) % items.length;
                    count--;
                    return item;
                }
            }
            Thread.yield();
        }
    }

    public synchronized int size() {
        return count;
    }
}
