// expect: race
// Bug: count.set(count.get() + 1) on an AtomicLong: two atomic calls back to back, no field access between them, still not one atomic step.
package exercises;

import java.util.concurrent.atomic.AtomicLong;

public final class SafeCounter {
    private final AtomicLong count = new AtomicLong();

    public SafeCounter() {
    }

    public void increment() {
        count.set(count.get() + 1);
    }

    public long get() {
        return count.get();
    }
}
