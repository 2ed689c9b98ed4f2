// expect: functional
// Bug: get() reports one too many, wrong in a single thread.
package exercises;

import java.util.concurrent.atomic.AtomicLong;

public final class SafeCounter {
    private final AtomicLong count = new AtomicLong(1);

    public SafeCounter() {
    }

    public void increment() {
        count.incrementAndGet();
    }

    public long get() {
        return count.get();
    }
}
