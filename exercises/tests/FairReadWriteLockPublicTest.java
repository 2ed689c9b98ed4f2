package exercises.tests;

import exercises.FairReadWriteLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.EXCLUSION;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

/** Public tests of FairReadWriteLock (the grader also runs hidden ones). */
class FairReadWriteLockPublicTest {
    @Test
    @DisplayName("readers share; a writer waits for the reader to leave, then gets in")
    @Checks(rules = {"R1", "R2"}, verdicts = {EXCLUSION, FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s to block, 3 s per call")
    void readersShareWriterWaits() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        // Every thread unlocks what it locked itself: a lock that checks who holds it must pass too.
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch firstOut = new CountDownLatch(1);
        Await.Call<Void> first = Await.start("first-reader", () -> {
            l.lockRead();
            firstIn.countDown();
            firstOut.await(10, TimeUnit.SECONDS);
            l.unlockRead();
            return null;
        });
        Check.that(firstIn.await(2, TimeUnit.SECONDS), FUNCTIONAL, "lockRead() on a free lock did not return within 2 s");
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
        firstOut.countDown();
        first.get(Duration.ofSeconds(3));
        writer.get(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("unlocking a lock nobody holds throws nothing but IllegalMonitorStateException")
    @Checks(rules = "R5", verdicts = FUNCTIONAL, bound = "20 s")
    void unlockWithoutLock() {
        unlockUnheld("unlockRead()", new FairReadWriteLock()::unlockRead);
        unlockUnheld("unlockWrite()", new FairReadWriteLock()::unlockWrite);
    }

    private static void unlockUnheld(String what, Runnable unlock) {
        try {
            unlock.run();
        } catch (IllegalMonitorStateException allowed) {
            // a lock that checks what the caller holds may say so
        } catch (RuntimeException e) {
            throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, what + " on a lock nobody holds threw " + e
                    + ": it may throw IllegalMonitorStateException, nothing else");
        }
    }

    @Test
    @DisplayName("a writer is always alone: 2 writers and 3 readers (perturbed rounds)")
    @Checks(rules = "R2", verdicts = {EXCLUSION, RACE, DEADLOCK, HANG}, bound = "10 rounds, 5 s each")
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
