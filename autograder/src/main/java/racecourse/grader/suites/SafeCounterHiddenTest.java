package racecourse.grader.suites;

import exercises.SafeCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.grader.harness.Verdict.RACE;

class SafeCounterHiddenTest {
    @Test
    @DisplayName("get() never goes back and sees a thread's own increments while 3 others increment")
    void readsAreMonotonicAndSeeOwnWrites() throws Exception {
        Stress.rounds(12, round -> {
            SafeCounter c = new SafeCounter();
            AtomicLong problems = new AtomicLong();
            Stress.parallel("reader-writer", 4, Duration.ofSeconds(4), RACE, i -> {
                long last = 0;
                for (int k = 1; k <= 500; k++) {
                    c.increment();
                    long now = c.get();
                    if (now < last || now < k) {
                        problems.incrementAndGet();
                    }
                    last = now;
                }
            });
            Check.concurrent(problems.get() == 0, () -> {
                SafeCounter one = new SafeCounter();
                one.increment();
                return one.get() == 1;
            }, "get() went back or missed the caller's own increment "
                    + problems.get() + " times in round " + round);
            long got = c.get();
            Check.concurrent(got == 2000, () -> {
                SafeCounter one = new SafeCounter();
                for (int k = 0; k < 2000; k++) {
                    one.increment();
                }
                return one.get() == 2000;
            }, "the count after 4 threads made 500 increments each is " + got);
        });
    }
}
