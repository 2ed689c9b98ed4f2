package racecourse.grader.suites;

import exercises.Memoizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.grader.harness.Verdict.RACE;

class MemoizerHiddenTest {
    @Test
    @DisplayName("a key asked by 4 threads at once while others are asked: one computation per key")
    void oneComputationPerKeyMixed() throws Exception {
        Stress.rounds(8, round -> {
            AtomicInteger calls = new AtomicInteger();
            Memoizer<Integer, Integer> m = new Memoizer<>(k -> {
                calls.incrementAndGet();
                Thread.yield();
                return k + 1;
            });
            Stress.parallel("mixed", 4, Duration.ofSeconds(5), RACE, i -> {
                for (int k = 0; k < 200; k++) {
                    m.get(k % 50);
                }
            });
            Check.concurrent(calls.get() == 50, () -> {
                AtomicInteger n = new AtomicInteger();
                Memoizer<Integer, Integer> one = new Memoizer<>(k -> n.incrementAndGet());
                try {
                    one.get(1);
                    one.get(1);
                    return n.get() == 1;
                } catch (InterruptedException e) {
                    return false;
                }
            }, calls.get() + " computations for 50 distinct keys (round " + round + ")");
        });
    }
}
