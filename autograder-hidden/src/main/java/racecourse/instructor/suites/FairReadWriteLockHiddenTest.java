package racecourse.instructor.suites;

import exercises.FairReadWriteLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Bytecode;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Diagnosis;
import racecourse.grader.harness.Stress;
import racecourse.results.Verdict;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.EXCLUSION;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.STARVATION;

class FairReadWriteLockHiddenTest {
    @Test
    @DisplayName("a writer gets in while readers keep arriving")
    @Checks(rules = "R3", verdicts = {STARVATION, DEADLOCK, HANG}, bound = "3 s")
    void writerNotStarvedByReaders() throws Exception {
        contend(true);
    }

    @Test
    @DisplayName("a reader gets in while writers keep arriving")
    @Checks(rules = "R3", verdicts = {STARVATION, DEADLOCK, HANG}, bound = "3 s")
    void readerNotStarvedByWriters() throws Exception {
        contend(false);
    }

    @Test
    @DisplayName("an interrupted waiter still waits its turn, gets the lock and keeps its interrupt status")
    @Checks(rules = "R4", verdicts = {EXCLUSION, FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s to block, 300 ms still waiting, 3 s to get in")
    void interruptedWaiterKeepsStatus() throws Exception {
        interruptedWaiter(true);
        interruptedWaiter(false);
    }

    /** A reader waits behind a writer (or a writer behind a reader), is interrupted, and must wait on. */
    private static void interruptedWaiter(boolean readerWaits) throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch out = new CountDownLatch(1);
        String holder = readerWaits ? "writer" : "reader";
        String waiter = readerWaits ? "reader" : "writer";
        Await.Call<Void> holding = Await.start("holding-" + holder, () -> {
            if (readerWaits) {
                l.lockWrite();
            } else {
                l.lockRead();
            }
            in.countDown();
            out.await(10, TimeUnit.SECONDS);
            if (readerWaits) {
                l.unlockWrite();
            } else {
                l.unlockRead();
            }
            return null;
        });
        Check.that(in.await(2, TimeUnit.SECONDS), FUNCTIONAL, "locking a free lock did not return within 2 s");
        Await.Call<Boolean> waiting = Await.start("interrupted-" + waiter, () -> {
            if (readerWaits) {
                l.lockRead();
            } else {
                l.lockWrite();
            }
            boolean status = Thread.currentThread().isInterrupted();
            if (readerWaits) {
                l.unlockRead();
            } else {
                l.unlockWrite();
            }
            return status;
        });
        Check.that(Await.blocked(waiting.thread(), Duration.ofSeconds(2)) && !waiting.isDone(), EXCLUSION,
                "a " + waiter + " got in while a " + holder + " held the lock");
        waiting.thread().interrupt();
        Check.that(!waiting.await(Duration.ofMillis(300)), EXCLUSION, "the waiting " + waiter + " was interrupted and "
                + "went in while the " + holder + " still held the lock: an interrupt must not end the wait");
        out.countDown();
        holding.get(Duration.ofSeconds(3));
        Check.that(waiting.get(Duration.ofSeconds(3)), FUNCTIONAL, "the " + waiter + " interrupted while it waited got the "
                + "lock but its interrupt status was cleared: keep it (Thread.currentThread().interrupt())");
    }

    @Test
    @DisplayName("uses neither ReentrantReadWriteLock nor StampedLock (class file check)")
    @Checks(rules = "R6", verdicts = FUNCTIONAL, bound = "none (reads the class file)")
    void noLibraryReadWriteLock() {
        for (String c : List.of("java.util.concurrent.locks.ReentrantReadWriteLock", "java.util.concurrent.locks.StampedLock")) {
            Check.that(Bytecode.of(FairReadWriteLock.class, FairReadWriteLock::new).referencedClasses().stream().noneMatch(r -> r.startsWith(c)),
                    FUNCTIONAL, "uses " + c + ": this exercise is to build a fair readers-writers lock yourself");
        }
    }

    /**
     * Three threads of one kind hold the lock in overlapping turns without pause; one thread of the
     * other kind must get in within 3 s while they keep going. If it does not while they progress,
     * it starved; if they stopped too, it is a hang.
     */
    private static void contend(boolean writerWaits) throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong turns = new AtomicLong();
        AtomicLong entries = new AtomicLong();
        List<Thread> crowd = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            crowd.add(Thread.ofPlatform().name((writerWaits ? "reader-" : "writer-") + i).daemon().start(() -> {
                while (!stop.get()) {
                    if (writerWaits) {
                        // Each reader stays until a newer reader got in (at most 100 ms), so while
                        // the lock admits new readers, some reader always holds it.
                        l.lockRead();
                        long me = entries.incrementAndGet();
                        long until = System.nanoTime() + 100_000_000;
                        while (entries.get() == me && System.nanoTime() < until && !stop.get()) {
                            Thread.onSpinWait();
                        }
                        l.unlockRead();
                    } else {
                        l.lockWrite();
                        pause();
                        l.unlockWrite();
                    }
                    turns.incrementAndGet();
                }
            }));
        }
        try {
            Stress.pause(50);
            Await.Call<Void> lone = Await.start(writerWaits ? "waiting-writer" : "waiting-reader", () -> {
                if (writerWaits) {
                    l.lockWrite();
                    l.unlockWrite();
                } else {
                    l.lockRead();
                    l.unlockRead();
                }
                return null;
            });
            long before = turns.get();
            // The last half second tells whether the others still take turns while the lone one
            // waits, looked at before the lone one is interrupted (an interrupted wait loop may spin
            // on the monitor and stop everybody).
            boolean done = lone.await(Duration.ofMillis(2500));
            long late = turns.get();
            done = done || lone.await(Duration.ofMillis(500));
            long end = turns.get();
            if (!done) {
                VerdictFailure f = lone.stuck(Duration.ofSeconds(3));
                long progressed = end - before;
                // Starved only if the others kept going to the end; if they stopped too (a lost
                // wakeup that stalls everybody), nobody progresses: that is a hang.
                if (progressed > 10 && end > late && f.verdict() == Verdict.HANG) {
                    throw new VerdictFailure(Verdict.STARVATION, "the " + (writerWaits ? "writer" : "reader")
                            + " waited 3 s and never got in, while the " + (writerWaits ? "readers" : "writers")
                            + " took " + progressed + " turns: " + Diagnosis.describe(lone.thread()));
                }
                throw f;
            }
            lone.get(Duration.ofSeconds(1));
        } finally {
            stop.set(true);
        }
        Await.join("the other threads", Duration.ofSeconds(3), crowd);
    }

    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(300_000);
    }
}
