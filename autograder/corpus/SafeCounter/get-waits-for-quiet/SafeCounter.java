// expect: starvation
// Bug: get() waits for 50 ms in which no increment happens, to read a "settled" count; while other threads increment without pause that moment never comes (R4), though it returns 50 ms after they stop.
// also: hang: in the monotonic-reads test each of the 4 threads waits in get() for the others' increments to pause, so a round runs past its 4 s.
package exercises;

public final class SafeCounter {
    private long count;
    private long changes;

    public SafeCounter() {
    }

    public synchronized void increment() {
        count++;
        changes++;
        notifyAll();
    }

    public synchronized long get() {
        boolean interrupted = false;
        while (true) {
            long seen = changes;
            try {
                wait(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (changes == seen) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return count;
    }
}
