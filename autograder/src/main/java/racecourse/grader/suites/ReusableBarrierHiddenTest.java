package racecourse.grader.suites;

import exercises.ReusableBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Stress;

import java.time.Duration;

import static racecourse.grader.harness.Verdict.RACE;

class ReusableBarrierHiddenTest {
    @Test
    @DisplayName("3 parties, a fast thread comes straight back for the next round")
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
}
