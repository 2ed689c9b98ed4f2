// expect: pass
// Style: one binary Semaphore per fork, always the lower-numbered fork first (resource ordering); give back the first if interrupted on the second.
package exercises;

import java.util.Objects;
import java.util.concurrent.Semaphore;

public final class DiningTable {
    private final int seats;
    private final Semaphore[] forks;

    public DiningTable(int seats) {
        if (seats < 2) {
            throw new IllegalArgumentException("seats must be at least 2, got " + seats);
        }
        this.seats = seats;
        forks = new Semaphore[seats];
        for (int i = 0; i < seats; i++) {
            forks[i] = new Semaphore(1);
        }
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        if (seat < 0 || seat >= seats) {
            throw new IllegalArgumentException("seat must be in [0, " + seats + "), got " + seat);
        }
        Objects.requireNonNull(eat, "eat");
        int a = seat, b = (seat + 1) % seats;
        Semaphore first = forks[Math.min(a, b)];
        Semaphore second = forks[Math.max(a, b)];
        first.acquire();
        try {
            second.acquire();
            try {
                eat.run();
            } finally {
                second.release();
            }
        } finally {
            first.release();
        }
    }
}
