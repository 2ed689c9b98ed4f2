package exercises.tests;

import exercises.CountingSemaphore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.EXCLUSION;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

/** Public tests of CountingSemaphore (the grader also runs hidden ones). */
class CountingSemaphorePublicTest {
    @Test
    @DisplayName("counts permits in one thread")
    @Checks(rules = {"R3", "R5"}, verdicts = {FUNCTIONAL, HANG}, bound = "2 s")
    void countsPermits() throws Exception {
        CountingSemaphore s = new CountingSemaphore(2);
        Check.equal(2, s.availablePermits(), FUNCTIONAL, "permits of a new CountingSemaphore(2)");
        Await.call("acquire", Duration.ofSeconds(2), () -> {
            s.acquire();
            s.acquire();
            return null;
        });
        Check.equal(0, s.availablePermits(), FUNCTIONAL, "permits after two acquires");
        s.release();
        Check.equal(1, s.availablePermits(), FUNCTIONAL, "permits after a release");
        s.release();
        s.release();
        Check.equal(3, s.availablePermits(), FUNCTIONAL, "permits after two more releases");
        try {
            new CountingSemaphore(-1);
            throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "new CountingSemaphore(-1) did not throw IllegalArgumentException");
        } catch (IllegalArgumentException expected) {
            // right
        }
    }

    static boolean countsInOneThread() {
        try {
            CountingSemaphore s = new CountingSemaphore(2);
            s.acquire();
            boolean ok = s.availablePermits() == 1;
            s.release();
            return ok && s.availablePermits() == 2;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Test
    @DisplayName("acquire waits at zero until a release")
    @Checks(rules = "R2", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s to block, 3 s to pass")
    void acquireWaitsForRelease() throws Exception {
        CountingSemaphore s = new CountingSemaphore(0);
        Await.Call<Void> waiter = Await.start("acquirer", () -> {
            s.acquire();
            return null;
        });
        Check.that(Await.blocked(waiter.thread(), Duration.ofSeconds(2)) && !waiter.isDone(), FUNCTIONAL,
                "acquire() with no permit did not wait");
        s.release();
        waiter.get(Duration.ofSeconds(3));
        Check.equal(0, s.availablePermits(), FUNCTIONAL, "permits after the waiter took the released one");
    }

    @Test
    @DisplayName("never more holders than permits: 6 threads share 2 permits (perturbed rounds)")
    @Checks(rules = "R1", verdicts = {FUNCTIONAL, EXCLUSION, RACE, DEADLOCK, HANG}, bound = "10 rounds, 5 s each")
    void neverMoreHoldersThanPermits() throws Exception {
        Stress.rounds(10, round -> {
            CountingSemaphore s = new CountingSemaphore(2);
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            Stress.parallel("holder", 6, Duration.ofSeconds(5), RACE, i -> {
                for (int k = 0; k < 200; k++) {
                    s.acquire();
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.yield();
                    inside.decrementAndGet();
                    s.release();
                }
            });
            Check.concurrent(most.get() <= 2, EXCLUSION, CountingSemaphorePublicTest::countsInOneThread, most.get() + " threads held a permit at the same time, but there are only 2 (round "
                    + round + "): a waiter went on without re-checking that a permit was free");
            Check.concurrent(s.availablePermits() == 2, () -> true, "after every thread released what it acquired, "
                    + s.availablePermits() + " permits are free instead of 2");
        });
    }
}
