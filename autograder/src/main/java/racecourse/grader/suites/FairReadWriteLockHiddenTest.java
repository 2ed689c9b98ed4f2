package racecourse.grader.suites;

import exercises.FairReadWriteLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Diagnosis;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.Verdict;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

class FairReadWriteLockHiddenTest {
    @Test
    @DisplayName("a writer gets in while readers keep arriving")
    void writerNotStarvedByReaders() throws Exception {
        contend(true);
    }

    @Test
    @DisplayName("a reader gets in while writers keep arriving")
    void readerNotStarvedByWriters() throws Exception {
        contend(false);
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
