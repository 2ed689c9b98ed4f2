package racecourse.instructor.suites;

import exercises.ParallelSum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

class ParallelSumHiddenTest {
    @Test
    @DisplayName("right sums with 4 threads under schedule perturbation, two callers at once")
    @Checks(rules = {"R2"}, verdicts = {FUNCTIONAL, HANG, RACE}, bound = "10 rounds, 8 s each")
    void rightUnderPerturbation() throws Exception {
        Stress.rounds(10, round -> {
            long[] values = new Random(round).longs(20_000, -1000, 1000).toArray();
            long expected = LongStream.of(values).sum();
            long[] got = new long[2];
            Stress.parallel("caller", 2, Duration.ofSeconds(8), RACE, i -> got[i] = ParallelSum.sum(values, 4));
            Check.concurrent(got[0] == expected && got[1] == expected, () -> {
                try {
                    return ParallelSum.sum(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, 1) == 36;
                } catch (InterruptedException e) {
                    return false;
                }
            }, "sum with 4 threads returned " + got[0] + " and " + got[1] + ", expected " + expected + " (round " + round + ")");
        });
    }
}
