package exercises.tests;

import exercises.DiningTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.EXCLUSION;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

/** Public tests of DiningTable (the grader also runs hidden ones). */
class DiningTablePublicTest {
    @Test
    @DisplayName("eats once per dine, and a meal that throws puts the forks down")
    @Checks(rules = "R1", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s per dine")
    void eatsAndReleasesOnThrow() throws Exception {
        DiningTable t = new DiningTable(3);
        AtomicInteger meals = new AtomicInteger();
        Await.call("philosopher-0", Duration.ofSeconds(2), () -> {
            t.dine(0, meals::incrementAndGet);
            return null;
        });
        Check.equal(1, meals.get(), FUNCTIONAL, "meals after one dine");
        Await.call("philosopher-1", Duration.ofSeconds(2), () -> {
            try {
                t.dine(1, () -> {
                    throw new IllegalStateException("spilled the soup");
                });
            } catch (IllegalStateException expected) {
                return null;
            }
            throw new AssertionError("the exception thrown by eat did not come out of dine");
        });
        for (int seat = 0; seat < 3; seat++) {
            int s = seat;
            Await.call("after-the-spill-" + seat, Duration.ofSeconds(2), () -> {
                t.dine(s, meals::incrementAndGet);
                return null;
            });
        }
        Check.equal(4, meals.get(), FUNCTIONAL, "meals after four successful dines");
    }

    @Test
    @DisplayName("5 philosophers dine 300 times each without deadlock (perturbed rounds)")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "8 rounds, 4 s each")
    void noDeadlock() throws Exception {
        Stress.rounds(8, round -> {
            DiningTable t = new DiningTable(5);
            AtomicInteger meals = new AtomicInteger();
            Stress.parallel("philosopher", 5, Duration.ofSeconds(4), RACE, i -> {
                for (int k = 0; k < 300; k++) {
                    t.dine(i, meals::incrementAndGet);
                }
            });
            Check.equal(1500, meals.get(), FUNCTIONAL, "meals eaten");
        });
    }

    @Test
    @DisplayName("neighbours never eat at the same time (their fork is exclusive)")
    @Checks(rules = "R2", verdicts = {EXCLUSION, RACE, DEADLOCK, HANG}, bound = "8 rounds, 4 s each")
    void neighboursNeverTogether() throws Exception {
        Stress.rounds(8, round -> {
            int seats = 4;
            DiningTable t = new DiningTable(seats);
            AtomicIntegerArray forkUsers = new AtomicIntegerArray(seats);
            AtomicInteger violations = new AtomicInteger();
            Stress.parallel("philosopher", seats, Duration.ofSeconds(4), RACE, i -> {
                int left = i;
                int right = (i + 1) % seats;
                for (int k = 0; k < 200; k++) {
                    t.dine(i, () -> {
                        if (forkUsers.incrementAndGet(left) > 1 | forkUsers.incrementAndGet(right) > 1) {
                            violations.incrementAndGet();
                        }
                        Thread.yield();
                        forkUsers.decrementAndGet(left);
                        forkUsers.decrementAndGet(right);
                    });
                }
            });
            Check.that(violations.get() == 0, EXCLUSION, "two neighbours ate with the same fork at the same time "
                    + violations.get() + " times (round " + round + ")");
        });
    }
}
