package exercises.tests;

import exercises.FairReadWriteLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.grader.harness.Verdict.EXCLUSION;
import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.RACE;

/** Public tests of FairReadWriteLock (the grader also runs hidden ones). */
class FairReadWriteLockPublicTest {
    @Test
    @DisplayName("readers share; a writer waits for the reader to leave, then gets in")
    void readersShareWriterWaits() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        Await.call("first-reader", Duration.ofSeconds(2), () -> {
            l.lockRead();
            return null;
        });
        Await.call("second-reader", Duration.ofSeconds(2), () -> {
            l.lockRead();
            l.unlockRead();
            return null;
        });
        Await.Call<Void> writer = Await.start("writer", () -> {
            l.lockWrite();
            l.unlockWrite();
            return null;
        });
        Check.that(Await.blocked(writer.thread(), Duration.ofSeconds(2)) && !writer.isDone(), EXCLUSION,
                "lockWrite() went in while a reader held the lock");
        l.unlockRead();
        writer.get(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("unlockRead without lockRead throws IllegalMonitorStateException")
    void unlockWithoutLock() {
        FairReadWriteLock l = new FairReadWriteLock();
        try {
            l.unlockRead();
        } catch (IllegalMonitorStateException expected) {
            return;
        }
        throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "unlockRead() without lockRead() did not throw IllegalMonitorStateException");
    }

    @Test
    @DisplayName("a writer is always alone: 2 writers and 3 readers (perturbed rounds)")
    void writerAlone() throws Exception {
        Stress.rounds(10, round -> {
            FairReadWriteLock l = new FairReadWriteLock();
            AtomicInteger writers = new AtomicInteger();
            AtomicInteger readers = new AtomicInteger();
            AtomicInteger violations = new AtomicInteger();
            Stress.parallel("rw", 5, Duration.ofSeconds(5), RACE, i -> {
                for (int k = 0; k < 150; k++) {
                    if (i < 2) {
                        l.lockWrite();
                        if (writers.incrementAndGet() != 1 || readers.get() != 0) {
                            violations.incrementAndGet();
                        }
                        Thread.yield();
                        writers.decrementAndGet();
                        l.unlockWrite();
                    } else {
                        l.lockRead();
                        readers.incrementAndGet();
                        if (writers.get() != 0) {
                            violations.incrementAndGet();
                        }
                        Thread.yield();
                        readers.decrementAndGet();
                        l.unlockRead();
                    }
                }
            });
            Check.that(violations.get() == 0, EXCLUSION, "a writer held the lock together with another thread "
                    + violations.get() + " times (round " + round + ")");
        });
    }
}
