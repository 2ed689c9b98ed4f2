// expect: pass
// Style: Dijkstra/Tanenbaum states (THINKING/HUNGRY/EATING) in one monitor; eat runs outside it; a seat eats when neither neighbour does.
package exercises;

import java.util.Objects;

public final class DiningTable {
    private enum State { THINKING, HUNGRY, EATING }

    private final int seats;
    private final State[] state;

    public DiningTable(int seats) {
        if (seats < 2) {
            throw new IllegalArgumentException("seats must be at least 2, got " + seats);
        }
        this.seats = seats;
        this.state = new State[seats];
        java.util.Arrays.fill(state, State.THINKING);
    }

    private int left(int seat) {
        return (seat + seats - 1) % seats;
    }

    private int right(int seat) {
        return (seat + 1) % seats;
    }

    private boolean canEat(int seat) {
        return state[left(seat)] != State.EATING && state[right(seat)] != State.EATING;
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        if (seat < 0 || seat >= seats) {
            throw new IllegalArgumentException("seat must be in [0, " + seats + "), got " + seat);
        }
        Objects.requireNonNull(eat, "eat");
        synchronized (state) {
            state[seat] = State.HUNGRY;
            try {
                while (!canEat(seat)) {
                    state.wait();
                }
            } catch (InterruptedException e) {
                state[seat] = State.THINKING;
                throw e;
            }
            state[seat] = State.EATING; // both forks taken
        }
        try {
            eat.run();
        } finally {
            synchronized (state) {
                state[seat] = State.THINKING; // forks down
                state.notifyAll();
            }
        }
    }
}
