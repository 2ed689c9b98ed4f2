package racecourse.grader.explain.scenarios;

import exercises.BoundedBuffer;

import java.util.ArrayList;
import java.util.List;

/** Two threads put 1 and 2 into a new buffer of capacity 2 at once; two takes afterwards must return both. */
public final class BoundedBufferScenario implements Runnable {
    @Override
    public void run() {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        Workers.runAll(new Putter(buffer, 1), new Putter(buffer, 2));
        List<Integer> taken = new ArrayList<>();
        try {
            taken.add(buffer.take());
            taken.add(buffer.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in take()", e);
        }
        if (!(taken.contains(1) && taken.contains(2))) {
            throw new BrokenInvariant("put(1) and put(2) ran at once, but the two take() calls returned " + taken);
        }
    }

    private static final class Putter extends Thread {
        private final BoundedBuffer<Integer> buffer;
        private final Integer item;

        Putter(BoundedBuffer<Integer> buffer, Integer item) {
            this.buffer = buffer;
            this.item = item;
        }

        @Override
        public void run() {
            try {
                buffer.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
