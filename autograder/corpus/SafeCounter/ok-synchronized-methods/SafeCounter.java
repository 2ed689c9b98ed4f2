// expect: pass
// Style: intrinsic monitor, both methods synchronized on this (the textbook one-liner).
package exercises;

public final class SafeCounter {
    private long count;

    public SafeCounter() {
    }

    public synchronized void increment() {
        count++;
    }

    public synchronized long get() {
        return count;
    }
}
