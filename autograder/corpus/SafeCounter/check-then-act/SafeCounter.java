// expect: race
// Bug: an AtomicLong used as get-then-set: each step is atomic but the pair is not.
package exercises;

import java.util.concurrent.atomic.AtomicLong;

public final class SafeCounter {
    private final AtomicLong count = new AtomicLong();

    public SafeCounter() {
    }

    public void increment() {
        long c = count.get();
        count.set(c + 1);
    }

    public long get() {
        return count.get();
    }
}
