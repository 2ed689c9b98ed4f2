package exercises.tests;

import exercises.SafeCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

/** Public tests of SafeCounter (the grader also runs hidden ones). */
class SafeCounterPublicTest {
    @Test
    @DisplayName("starts at zero and counts increments in one thread")
    @Checks(rules = "R1", verdicts = FUNCTIONAL, bound = "20 s")
    void countsInOneThread() {
        SafeCounter c = new SafeCounter();
        Check.equal(0L, c.get(), FUNCTIONAL, "a new counter");
        for (int i = 0; i < 1000; i++) {
            c.increment();
        }
        Check.equal(1000L, c.get(), FUNCTIONAL, "after 1000 increments in one thread");
    }

    @Test
    @DisplayName("no increment is lost when 4 threads increment at once (many perturbed rounds)")
    @Checks(rules = "R1", verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "20 rounds, 4 s each")
    void noLostUpdates() throws Exception {
        Stress.rounds(20, round -> {
            SafeCounter c = new SafeCounter();
            Stress.parallel("incrementer", 4, Duration.ofSeconds(4), RACE, i -> {
                for (int k = 0; k < 1000; k++) {
                    c.increment();
                }
            });
            long got = c.get();
            Check.concurrent(got == 4000, () -> {
                SafeCounter one = new SafeCounter();
                for (int k = 0; k < 4000; k++) {
                    one.increment();
                }
                return one.get() == 4000;
            }, "4 threads made 1000 increments each, but get() returned " + got + " in round " + round
                    + (got < 4000 ? ": " + (4000 - got) + " increments were lost (a read-modify-write that is not atomic)" : ""));
        });
    }
}
