// expect: pass
// Style: CAS loop with randomized exponential back-off (spin-waits, never sleeps) after each failed CAS.
package exercises;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

public final class LockFreeStack<T> {
    private record Node<T>(T item, Node<T> next) {
    }

    private static final int MAX_SPINS = 1 << 10;
    private final AtomicReference<Node<T>> top = new AtomicReference<>();

    public LockFreeStack() {
    }

    /** Spins a random while, longer after each failure: contenders stop colliding in lockstep. */
    private static int backOff(int limit) {
        int spins = ThreadLocalRandom.current().nextInt(limit);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
        return Math.min(MAX_SPINS, limit * 2);
    }

    public void push(T item) {
        Objects.requireNonNull(item, "item");
        int limit = 2;
        while (true) {
            Node<T> seen = top.get();
            if (top.compareAndSet(seen, new Node<>(item, seen))) {
                return;
            }
            limit = backOff(limit);
        }
    }

    public T pop() {
        int limit = 2;
        while (true) {
            Node<T> seen = top.get();
            if (seen == null) {
                return null;
            }
            if (top.compareAndSet(seen, seen.next())) {
                return seen.item();
            }
            limit = backOff(limit);
        }
    }

    public boolean isEmpty() {
        return top.get() == null;
    }
}
