// Generated from solutions/src/main/java/exercises/DiningTable.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/DiningTable.md.

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
    // TODO

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
        // TODO
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
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
