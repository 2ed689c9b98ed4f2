package racecourse.instructor.suites;

import exercises.CountingSemaphore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Bytecode;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

class CountingSemaphoreHiddenTest {
    @Test
    @DisplayName("every release wakes a waiter: 4 waiters, 4 releases, nobody left waiting")
    @Checks(rules = "R2", verdicts = {RACE, DEADLOCK, HANG}, bound = "10 rounds, 3 s each")
    void noLostWakeups() throws Exception {
        Stress.rounds(10, round -> {
            CountingSemaphore s = new CountingSemaphore(0);
            CountDownLatch waiting = new CountDownLatch(4);
            Stress.parallel("waiter-releaser", 5, Duration.ofSeconds(3), RACE, i -> {
                if (i < 4) {
                    waiting.countDown();
                    s.acquire();
                } else {
                    waiting.await();
                    for (int k = 0; k < 4; k++) {
                        s.release();
                    }
                }
            });
        });
    }

    @Test
    @DisplayName("an interrupted acquire throws InterruptedException and takes no permit")
    @Checks(rules = "R4", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s per wait")
    void interruptedAcquireTakesNothing() throws Exception {
        Duration wait = Duration.ofSeconds(2);
        CountingSemaphore s = new CountingSemaphore(0);
        Await.Call<Void> waiter = Await.start("interrupted-acquirer", () -> {
            s.acquire();
            return null;
        });
        Check.that(Await.blocked(waiter.thread(), wait) && !waiter.isDone(), FUNCTIONAL, "acquire() with no permit did not wait");
        Await.interruptThrows(waiter, "acquire()", wait);
        Check.equal(0, s.availablePermits(), FUNCTIONAL, "permits after an interrupted acquire on a semaphore with none");
        s.release();
        Check.equal(1, s.availablePermits(), FUNCTIONAL, "permits after the interrupted acquire and one release");
        Await.call("acquirer", wait, () -> {
            s.acquire();
            return null;
        });
        Check.equal(0, s.availablePermits(), FUNCTIONAL, "permits after a later acquire took the released permit");
    }

    @Test
    @DisplayName("a permit released to a waiter that is interrupted at once is not lost")
    @Checks(rules = "R4", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "10 tries, 2 s per wait")
    void permitOfInterruptedWaiterNotLost() throws Exception {
        Duration wait = Duration.ofSeconds(2);
        for (int attempt = 0; attempt < 10; attempt++) {
            CountingSemaphore s = new CountingSemaphore(0);
            Await.Call<String> waiter = Await.start("waiter-" + attempt, () -> {
                try {
                    s.acquire();
                } catch (InterruptedException e) {
                    return "threw InterruptedException";
                }
                // Its interrupt status is not looked at: the interrupt may come after acquire returned.
                return "acquired";
            });
            Check.that(Await.blocked(waiter.thread(), wait) && !waiter.isDone(), FUNCTIONAL, "acquire() with no permit did not wait");
            // The release's wakeup and the interrupt reach the waiter together: it may take the
            // permit (keeping its interrupt status) or throw, but then the permit must stay free.
            s.release();
            waiter.thread().interrupt();
            Check.that(waiter.await(wait), FUNCTIONAL, "acquire() neither returned nor threw within 2 s of a release and "
                    + "an interrupt of its thread");
            String outcome = waiter.get(wait);
            int held = outcome.equals("acquired") ? 1 : 0;
            int free = s.availablePermits();
            Check.that(held + free == 1, FUNCTIONAL, "one permit was released to a waiting acquire() whose thread was "
                    + "interrupted at once; the waiter " + outcome + ", and availablePermits() is " + free + ": the released "
                    + "permit " + (held + free == 0 ? "is no longer counted" : "was counted twice") + " (try " + attempt + ")");
        }
    }

    @Test
    @DisplayName("availablePermits() reads the count with synchronization (class file check)")
    @Checks(rules = "R6", verdicts = {FUNCTIONAL, RACE}, bound = "none (reads the class file)")
    void availablePermitsReadsWithSynchronization() {
        List<String> reads = Bytecode.of(CountingSemaphore.class, () -> new CountingSemaphore(1).availablePermits()).unsynchronizedReads("availablePermits", "()I");
        Check.that(reads.isEmpty(), RACE, "availablePermits() reads " + String.join(", ", reads) + ", which acquire and "
                + "release change, without synchronization (not volatile, no lock held): a thread that polls it may "
                + "never see other threads' releases");
    }

    @Test
    @DisplayName("does not use java.util.concurrent.Semaphore (class file check)")
    @Checks(rules = "R7", verdicts = FUNCTIONAL, bound = "none (reads the class file)")
    void noLibrarySemaphore() {
        Check.that(!Bytecode.of(CountingSemaphore.class, () -> new CountingSemaphore(1).availablePermits()).referencedClasses().contains("java.util.concurrent.Semaphore"),
                FUNCTIONAL, "uses java.util.concurrent.Semaphore: this exercise is to build one from a monitor "
                        + "(synchronized/wait/notify) or a Lock and a Condition");
    }
}
