package racecourse.grader.suites;

import exercises.CountingSemaphore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static racecourse.grader.harness.Verdict.RACE;

class CountingSemaphoreHiddenTest {
    @Test
    @DisplayName("every release wakes a waiter: 4 waiters, 4 releases, nobody left waiting")
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
}
