// Generated from solutions/src/main/java/exercises/BoundedBuffer.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/BoundedBuffer.md.

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
    // TODO

    /**
     * An empty buffer.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        // TODO
    }

    /**
     * Appends {@code item} at the rear, waiting while the buffer is full.
     *
     * @throws NullPointerException if {@code item} is null
     * @throws InterruptedException if interrupted while waiting; the buffer is then unchanged
     */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Removes and returns the item at the front (the oldest), waiting while the buffer is empty.
     *
     * @throws InterruptedException if interrupted while waiting; the buffer is then unchanged
     */
    public T take() throws InterruptedException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** The number of items in the buffer at some moment during the call. */
    public int size() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
