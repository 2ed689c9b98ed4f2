// expect: functional
// Bug: waits for the forks with lock(), which ignores interrupts: an interrupted philosopher keeps waiting.
package exercises;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Dining philosophers: {@code seats} philosophers around a table, one fork between each pair of
 * neighbours. Philosopher {@code seat} needs forks {@code seat} and {@code (seat + 1) % seats}.
 *
 * <p>CS:APP 12.7.5: if every philosopher takes the left fork and then the right one, they can all
 * hold one fork and wait forever for the other. Avoid that deadlock, yet let philosophers who are
 * not neighbours eat at the same time.
 */
public final class DiningTable {
    private final int seats;
    // BEGIN SOLUTION
    // One lock per fork, not one for the table: philosophers who share no fork never wait for
    // each other.
    private final ReentrantLock[] forks;
    // END SOLUTION

    /**
     * A table with {@code seats} philosophers and as many forks.
     *
     * @throws IllegalArgumentException if {@code seats < 2}
     */
    public DiningTable(int seats) {
        if (seats < 2) {
            throw new IllegalArgumentException("seats must be at least 2, got " + seats);
        }
        this.seats = seats;
        // BEGIN SOLUTION
        forks = new ReentrantLock[seats];
        for (int i = 0; i < seats; i++) {
            forks[i] = new ReentrantLock();
        }
        // END SOLUTION
    }

    /**
     * Takes forks {@code seat} and {@code (seat + 1) % seats}, waiting for them as long as needed,
     * runs {@code eat} while holding both, then puts them down (also if {@code eat} throws).
     *
     * @throws IllegalArgumentException if {@code seat} is not in {@code [0, seats)}
     * @throws NullPointerException if {@code eat} is null
     * @throws InterruptedException if interrupted while waiting for a fork; the philosopher then
     *     holds no fork and has not eaten
     */
    public void dine(int seat, Runnable eat) throws InterruptedException {
        if (seat < 0 || seat >= seats) {
            throw new IllegalArgumentException("seat must be in [0, " + seats + "), got " + seat);
        }
        Objects.requireNonNull(eat, "eat");
        // BEGIN SOLUTION (throw)
        int left = seat;
        int right = (seat + 1) % seats;
        // Resource ordering: everybody takes the lower-numbered fork first. A deadlock needs a
        // cycle of philosophers, each holding a fork and waiting for the fork the next one holds.
        // With the ordering, a philosopher only ever waits for a fork numbered higher than the one
        // it holds, so along such a cycle the fork numbers would rise forever: no cycle, no
        // deadlock. (Only the last seat, whose forks are seats-1 and 0, takes its "right" fork
        // first; that one exception is what breaks the everybody-takes-left-first cycle.)
        ReentrantLock first = forks[Math.min(left, right)];
        ReentrantLock second = forks[Math.max(left, right)];
        first.lock();
        try {
            second.lock();
            try {
                eat.run();
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
        // END SOLUTION
    }
}
