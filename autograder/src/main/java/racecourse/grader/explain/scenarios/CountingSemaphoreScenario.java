package racecourse.grader.explain.scenarios;

import exercises.CountingSemaphore;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two threads acquire, hold and release a semaphore that starts with no permit; the main thread
 * releases one. Never may both hold a permit at once.
 */
public final class CountingSemaphoreScenario implements Runnable {
    @Override
    public void run() {
        CountingSemaphore semaphore = new CountingSemaphore(0);
        Holders holders = new Holders();
        Holder one = new Holder(semaphore, holders);
        Holder two = new Holder(semaphore, holders);
        one.start();
        two.start();
        semaphore.release();
        Workers.joinAll(one, two);
        if (holders.overlapped.get()) {
            throw new BrokenInvariant("one permit was released, but both threads held a permit at the same time");
        }
    }

    /** How many threads hold a permit now, and whether two ever did at once. */
    private static final class Holders {
        final AtomicInteger now = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
    }

    private static final class Holder extends Thread {
        private final CountingSemaphore semaphore;
        private final Holders holders;

        Holder(CountingSemaphore semaphore, Holders holders) {
            this.semaphore = semaphore;
            this.holders = holders;
        }

        @Override
        public void run() {
            try {
                semaphore.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (holders.now.incrementAndGet() > 1) {
                holders.overlapped.set(true);
            }
            holders.now.decrementAndGet();
            semaphore.release();
        }
    }
}
