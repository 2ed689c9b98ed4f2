// expect: pass
// Style: fair Semaphores count free slots and items; a synchronized block (not a third semaphore) guards a LinkedList.
package exercises;

import java.util.LinkedList;
import java.util.Objects;
import java.util.concurrent.Semaphore;

public final class BoundedBuffer<T> {
    private final Semaphore freeSlots;
    private final Semaphore filledSlots = new Semaphore(0, true);
    private final LinkedList<T> queue = new LinkedList<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        freeSlots = new Semaphore(capacity, true);
    }

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        freeSlots.acquire(); // the only place we can be interrupted: nothing taken yet
        synchronized (queue) {
            queue.addLast(item);
        }
        filledSlots.release();
    }

    public T take() throws InterruptedException {
        filledSlots.acquire();
        T item;
        synchronized (queue) {
            item = queue.removeFirst();
        }
        freeSlots.release();
        return item;
    }

    public int size() {
        synchronized (queue) {
            return queue.size();
        }
    }
}
