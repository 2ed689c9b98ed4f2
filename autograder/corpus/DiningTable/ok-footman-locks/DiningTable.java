// expect: pass
// Style: the footman: at most seats-1 philosophers may reach for forks (a Semaphore), then left then right ReentrantLock, lockInterruptibly.
package exercises;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

public final class DiningTable {
    private final int seats;
    private final ReentrantLock[] forks;
    private final Semaphore footman; // with one seat always empty, no cycle of waits can close

    public DiningTable(int seats) {
        if (seats < 2) {
            throw new IllegalArgumentException("seats must be at least 2, got " + seats);
        }
        this.seats = seats;
        this.forks = new ReentrantLock[seats];
        for (int i = 0; i < seats; i++) {
            forks[i] = new ReentrantLock();
        }
        this.footman = new Semaphore(seats - 1, true);
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        if (seat < 0 || seat >= seats) {
            throw new IllegalArgumentException("seat must be in [0, " + seats + "), got " + seat);
        }
        Objects.requireNonNull(eat, "eat");
        ReentrantLock left = forks[seat];
        ReentrantLock right = forks[(seat + 1) % seats];
        footman.acquire();
        try {
            left.lockInterruptibly();
            try {
                right.lockInterruptibly();
                try {
                    eat.run();
                } finally {
                    right.unlock();
                }
            } finally {
                left.unlock();
            }
        } finally {
            footman.release();
        }
    }
}
