package racecourse.instructor.suites;

import exercises.ReusableBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Bytecode;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.List;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

class ReusableBarrierHiddenTest {
    @Test
    @DisplayName("3 parties, a fast thread comes straight back for the next round")
    @Checks(rules = "R2", verdicts = {RACE, DEADLOCK, HANG}, bound = "8 runs, 4 s each")
    void fastThreadsReuse() throws Exception {
        Stress.rounds(8, run -> {
            ReusableBarrier b = new ReusableBarrier(3);
            Stress.parallel("party", 3, Duration.ofSeconds(4), RACE, i -> {
                for (int r = 0; r < 300; r++) {
                    b.await();
                }
            });
        });
    }

    @Test
    @DisplayName("an interrupted party throws InterruptedException and no longer counts as arrived")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s per wait")
    void interruptedPartyWithdraws() throws Exception {
        Duration wait = Duration.ofSeconds(2);
        ReusableBarrier b = new ReusableBarrier(2);
        Await.Call<Void> interrupted = Await.start("interrupted-party", () -> {
            b.await();
            return null;
        });
        Check.that(Await.blocked(interrupted.thread(), wait) && !interrupted.isDone(), FUNCTIONAL,
                "await() of one of two parties returned before the other arrived");
        Await.interruptThrows(interrupted, "await()", wait);
        Await.Call<Void> second = Await.start("second-party", () -> {
            b.await();
            return null;
        });
        Check.that(Await.blocked(second.thread(), wait) && !second.isDone(), FUNCTIONAL, "after one of two parties was "
                + "interrupted and left, the next await() passed alone: the interrupted party still counted as arrived");
        Await.call("third-party", wait, () -> {
            b.await();
            return null;
        });
        second.get(wait);
    }

    @Test
    @DisplayName("rejects parties < 1")
    @Checks(rules = "R4", verdicts = FUNCTIONAL, bound = "20 s")
    void rejectsBadParties() {
        for (int parties : new int[] {0, -1}) {
            try {
                new ReusableBarrier(parties);
                throw new VerdictFailure(FUNCTIONAL, "new ReusableBarrier(" + parties + ") did not throw IllegalArgumentException");
            } catch (IllegalArgumentException expected) {
                // right
            }
        }
    }

    @Test
    @DisplayName("uses no CyclicBarrier, Phaser or CountDownLatch (class file check)")
    @Checks(rules = "R5", verdicts = FUNCTIONAL, bound = "none (reads the class file)")
    void noLibraryBarrier() {
        for (String c : List.of("java.util.concurrent.CyclicBarrier", "java.util.concurrent.Phaser", "java.util.concurrent.CountDownLatch")) {
            Check.that(!Bytecode.of(ReusableBarrier.class, () -> new ReusableBarrier(2)).referencedClasses().contains(c), FUNCTIONAL,
                    "uses " + c + ": this exercise is to build a barrier yourself");
        }
    }
}
