package racecourse.grader.explain.scenarios;

import exercises.Memoizer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Two threads ask a new memoizer for the same key at once; the function may run only once. */
public final class MemoizerScenario implements Runnable {
    @Override
    public void run() {
        CountingFunction function = new CountingFunction();
        Memoizer<String, Integer> memoizer = new Memoizer<>(function);
        Workers.runAll(new Asker(memoizer), new Asker(memoizer));
        if (function.calls.get() != 1) {
            throw new BrokenInvariant("two threads called get(\"k\") at once, and the function ran "
                    + function.calls.get() + " times for that key");
        }
    }

    /** The memoized function: counts its calls (a named class: see the package's note on lambdas). */
    private static final class CountingFunction implements Function<String, Integer> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Integer apply(String key) {
            return calls.incrementAndGet();
        }
    }

    private static final class Asker extends Thread {
        private final Memoizer<String, Integer> memoizer;

        Asker(Memoizer<String, Integer> memoizer) {
            this.memoizer = memoizer;
        }

        @Override
        public void run() {
            try {
                memoizer.get("k");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
