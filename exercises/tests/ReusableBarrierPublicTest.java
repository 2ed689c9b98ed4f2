package exercises.tests;

import exercises.ReusableBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

/** Public tests of ReusableBarrier (the grader also runs hidden ones). */
class ReusableBarrierPublicTest {
    @Test
    @DisplayName("await waits for the other party, and one party never waits")
    @Checks(rules = {"R1", "R2"}, verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s to block, 3 s per call")
    void waitsForTheOthers() throws Exception {
        ReusableBarrier one = new ReusableBarrier(1);
        Await.call("single-party", Duration.ofSeconds(2), () -> {
            one.await();
            one.await();
            return null;
        });
        ReusableBarrier two = new ReusableBarrier(2);
        Await.Call<Void> first = Await.start("first-party", () -> {
            two.await();
            return null;
        });
        Check.that(Await.blocked(first.thread(), Duration.ofSeconds(2)) && !first.isDone(), FUNCTIONAL,
                "await() of one of two parties returned before the other arrived");
        Await.call("second-party", Duration.ofSeconds(3), () -> {
            two.await();
            return null;
        });
        first.get(Duration.ofSeconds(3));
        Await.Call<Void> again = Await.start("first-party-round-2", () -> {
            two.await();
            return null;
        });
        Check.that(Await.blocked(again.thread(), Duration.ofSeconds(2)) && !again.isDone(), FUNCTIONAL,
                "in the second round, await() of one of two parties returned before the other arrived: the barrier is not reusable");
        Await.call("second-party-round-2", Duration.ofSeconds(3), () -> {
            two.await();
            return null;
        });
        again.get(Duration.ofSeconds(3));
    }

    /** Two rounds of a two-party barrier, one party at a time: the first await of each round must wait. */
    static boolean rightInOneThread() {
        try {
            ReusableBarrier two = new ReusableBarrier(2);
            for (int round = 0; round < 2; round++) {
                Await.Call<Void> first = Await.start("baseline-party", () -> {
                    two.await();
                    return null;
                });
                boolean waited = Await.blocked(first.thread(), Duration.ofMillis(500)) && !first.isDone();
                Await.call("baseline-other", Duration.ofSeconds(2), () -> {
                    two.await();
                    return null;
                });
                first.get(Duration.ofSeconds(2));
                if (!waited) {
                    return false;
                }
            }
            return true;
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    @Test
    @DisplayName("4 threads, 150 rounds: nobody passes a round before all arrived, and every round completes")
    @Checks(rules = "R1", verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "6 runs, 5 s each")
    void manyRounds() throws Exception {
        Stress.rounds(6, run -> {
            int parties = 4;
            int rounds = 150;
            ReusableBarrier b = new ReusableBarrier(parties);
            AtomicIntegerArray arrived = new AtomicIntegerArray(rounds);
            AtomicInteger early = new AtomicInteger();
            Stress.parallel("party", parties, Duration.ofSeconds(5), RACE, i -> {
                for (int r = 0; r < rounds; r++) {
                    arrived.incrementAndGet(r);
                    b.await();
                    if (arrived.get(r) != parties) {
                        early.incrementAndGet();
                    }
                }
            });
            Check.concurrent(early.get() == 0, ReusableBarrierPublicTest::rightInOneThread, "a thread passed the barrier before all " + parties
                    + " had arrived, " + early.get() + " times (run " + run + ")");
        });
    }
}
