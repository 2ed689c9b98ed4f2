// expect: pass
// Style: hand-written compare-and-set retry loop on an AtomicLong (no getAndIncrement).
package exercises;

import java.util.concurrent.atomic.AtomicLong;

public final class SafeCounter {
    private final AtomicLong value = new AtomicLong();

    public SafeCounter() {
    }

    public void increment() {
        long seen;
        do {
            seen = value.get();
        } while (!value.compareAndSet(seen, seen + 1));
    }

    public long get() {
        return value.get();
    }
}
