// expect: pass
// Style: intrinsic monitor on a private lock object, circular array, while-wait and notifyAll.
package exercises;

import java.util.Objects;

public final class BoundedBuffer<T> {
    private final Object monitor = new Object();
    private final Object[] ring;
    private int head; // next slot to take from
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        ring = new Object[capacity];
    }

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        synchronized (monitor) {
            while (count == ring.length) {
                monitor.wait();
            }
            ring[(head + count) % ring.length] = item;
            count++;
            monitor.notifyAll();
        }
    }

    @SuppressWarnings("unchecked")
    public T take() throws InterruptedException {
        synchronized (monitor) {
            while (count == 0) {
                monitor.wait();
            }
            T item = (T) ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            count--;
            monitor.notifyAll();
            return item;
        }
    }

    public int size() {
        synchronized (monitor) {
            return count;
        }
    }
}
