package racecourse.grader.explain.scenarios;

import exercises.FairReadWriteLock;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A reader and a writer use a new lock at once; the writer may never be inside with the reader. */
public final class FairReadWriteLockScenario implements Runnable {
    @Override
    public void run() {
        FairReadWriteLock lock = new FairReadWriteLock();
        Inside inside = new Inside();
        Workers.runAll(new Reader(lock, inside), new Writer(lock, inside));
        if (inside.overlapped.get()) {
            throw new BrokenInvariant("the writer held the write lock while the reader held the read lock");
        }
    }

    /** Who holds the lock now, and whether a writer was ever inside with someone else. */
    private static final class Inside {
        final AtomicInteger readers = new AtomicInteger();
        final AtomicBoolean writer = new AtomicBoolean();
        final AtomicBoolean overlapped = new AtomicBoolean();
    }

    private static final class Reader extends Thread {
        private final FairReadWriteLock lock;
        private final Inside inside;

        Reader(FairReadWriteLock lock, Inside inside) {
            this.lock = lock;
            this.inside = inside;
        }

        @Override
        public void run() {
            lock.lockRead();
            inside.readers.incrementAndGet();
            if (inside.writer.get()) {
                inside.overlapped.set(true);
            }
            inside.readers.decrementAndGet();
            lock.unlockRead();
        }
    }

    private static final class Writer extends Thread {
        private final FairReadWriteLock lock;
        private final Inside inside;

        Writer(FairReadWriteLock lock, Inside inside) {
            this.lock = lock;
            this.inside = inside;
        }

        @Override
        public void run() {
            lock.lockWrite();
            inside.writer.set(true);
            if (inside.readers.get() > 0) {
                inside.overlapped.set(true);
            }
            inside.writer.set(false);
            lock.unlockWrite();
        }
    }
}
