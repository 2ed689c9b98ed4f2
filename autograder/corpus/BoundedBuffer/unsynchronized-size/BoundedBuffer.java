// expect: race
// Bug: size reads the count without the mutex: a polling reader may never see a put or take.
package exercises;

import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * A first-in first-out buffer of at most {@code capacity} items, shared by producer and consumer
 * threads: {@code put} blocks while it is full, {@code take} blocks while it is empty.
 *
 * <p>CS:APP 12.5.4 ({@code sbuf}): a circular array guarded by three semaphores.
 *
 * @param <T> the type of the items
 */
public final class BoundedBuffer<T> {
    // BEGIN SOLUTION
    private final Object[] items;      // circular array; slots [front, front + count) hold items
    private int front;                 // index of the oldest item
    private int rear;                  // index where the next item goes
    private int count;                 // items in the buffer; all three guarded by mutex

    private final Semaphore mutex = new Semaphore(1);  // protects the array and the indices
    private final Semaphore slots;                      // free slots: put waits on it
    private final Semaphore available = new Semaphore(0); // items: take waits on it
    // END SOLUTION

    /**
     * An empty buffer.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        // BEGIN SOLUTION
        items = new Object[capacity];
        slots = new Semaphore(capacity);
        // END SOLUTION
    }

    /**
     * Appends {@code item} at the rear, waiting while the buffer is full.
     *
     * @throws NullPointerException if {@code item} is null
     * @throws InterruptedException if interrupted while waiting; the buffer is then unchanged
     */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        // BEGIN SOLUTION (throw)
        slots.acquire();                 // P(slots): wait for a free slot; it is ours from now on
        // The mutex is held only for a few instructions, so wait for it uninterruptibly: if we
        // could be interrupted here we would have to give the slot back, and nothing is gained.
        mutex.acquireUninterruptibly();
        try {
            items[rear] = item;
            rear = (rear + 1) % items.length;
            count++;
        } finally {
            mutex.release();
        }
        available.release();             // V(items): announce the new item to one taker
        // END SOLUTION
    }

    /**
     * Removes and returns the item at the front (the oldest), waiting while the buffer is empty.
     *
     * @throws InterruptedException if interrupted while waiting; the buffer is then unchanged
     */
    public T take() throws InterruptedException {
        // BEGIN SOLUTION (throw)
        available.acquire();             // P(items): wait for an item; it is ours from now on
        T item;
        mutex.acquireUninterruptibly();
        try {
            @SuppressWarnings("unchecked")
            T oldest = (T) items[front];
            item = oldest;
            items[front] = null;         // let the garbage collector have it
            front = (front + 1) % items.length;
            count--;
        } finally {
            mutex.release();
        }
        slots.release();                 // V(slots): announce the free slot to one putter
        return item;
        // END SOLUTION
    }

    /** The number of items in the buffer at some moment during the call. */
    public int size() {
        // BEGIN SOLUTION (throw)
        return count;
        // END SOLUTION
    }
}
