// expect: race
// Bug: count++ on a plain field is a load, an add and a store; two threads interleave and lose updates.
package exercises;

public final class SafeCounter {
    private long count;

    public SafeCounter() {
    }

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
