package racecourse.grader.explain.scenarios;

import exercises.SafeCounter;

/** Two threads increment a new counter once each; get() afterwards must be 2. */
public final class SafeCounterScenario implements Runnable {
    @Override
    public void run() {
        SafeCounter counter = new SafeCounter();
        Workers.runAll(new Incrementer(counter), new Incrementer(counter));
        long got = counter.get();
        if (got != 2) {
            throw new BrokenInvariant("two threads called increment() once each, but get() returned " + got);
        }
    }

    private static final class Incrementer extends Thread {
        private final SafeCounter counter;

        Incrementer(SafeCounter counter) {
            this.counter = counter;
        }

        @Override
        public void run() {
            counter.increment();
        }
    }
}
