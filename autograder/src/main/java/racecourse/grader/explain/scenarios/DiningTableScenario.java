package racecourse.grader.explain.scenarios;

import exercises.DiningTable;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The two philosophers of a table of 2 dine at once; they share both forks, so they may never eat together. */
public final class DiningTableScenario implements Runnable {
    @Override
    public void run() {
        DiningTable table = new DiningTable(2);
        Eating eating = new Eating();
        Workers.runAll(new Philosopher(table, 0, eating), new Philosopher(table, 1, eating));
        if (eating.overlapped.get()) {
            throw new BrokenInvariant("the philosophers at seats 0 and 1 share both forks, but ate at the same time");
        }
    }

    /** How many philosophers are eating now, and whether two ever were; also what they eat. */
    private static final class Eating implements Runnable {
        final AtomicInteger now = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();

        @Override
        public void run() {
            if (now.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            now.decrementAndGet();
        }
    }

    private static final class Philosopher extends Thread {
        private final DiningTable table;
        private final int seat;
        private final Eating eating;

        Philosopher(DiningTable table, int seat, Eating eating) {
            this.table = table;
            this.seat = seat;
            this.eating = eating;
        }

        @Override
        public void run() {
            try {
                table.dine(seat, eating);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
