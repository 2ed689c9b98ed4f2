package exercises.tests;

import exercises.Memoizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.RACE;
import static racecourse.grader.harness.Verdict.SERIALIZED;

/** Public tests of Memoizer (the grader also runs hidden ones). */
class MemoizerPublicTest {
    @Test
    @DisplayName("computes each key once in one thread; a failure is rethrown and then forgotten")
    void cachesAndForgetsFailures() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        Memoizer<Integer, Integer> m = new Memoizer<>(k -> {
            calls.incrementAndGet();
            if (k < 0 && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("no negative keys today");
            }
            return k * k;
        });
        Await.call("memo", Duration.ofSeconds(3), () -> {
            Check.equal(9, m.get(3), FUNCTIONAL, "get(3) of x*x");
            Check.equal(9, m.get(3), FUNCTIONAL, "get(3) again");
            Check.equal(16, m.get(4), FUNCTIONAL, "get(4)");
            Check.equal(2, calls.get(), FUNCTIONAL, "computations for keys 3, 3, 4");
            try {
                m.get(-2);
                throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "get(-2) did not rethrow the function's exception");
            } catch (IllegalStateException expected) {
                // right
            }
            Check.equal(4, m.get(-2), FUNCTIONAL, "get(-2) after its first computation failed (a failure must not be cached)");
            return null;
        });
    }

    @Test
    @DisplayName("8 threads asking for the same key at once: computed exactly once, all get the value")
    void sameKeyOnce() throws Exception {
        Stress.rounds(10, round -> {
            ConcurrentHashMap<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
            Memoizer<Integer, String> m = new Memoizer<>(k -> {
                calls.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                return "v" + k;
            });
            AtomicInteger wrong = new AtomicInteger();
            Stress.parallel("asker", 8, Duration.ofSeconds(5), RACE, i -> {
                for (int k = 0; k < 20; k++) {
                    if (!("v" + k).equals(m.get(k))) {
                        wrong.incrementAndGet();
                    }
                }
            });
            int most = calls.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
            Check.concurrent(wrong.get() == 0 && most == 1, () -> {
                AtomicInteger n = new AtomicInteger();
                Memoizer<Integer, String> one = new Memoizer<>(k -> {
                    n.incrementAndGet();
                    return "v" + k;
                });
                try {
                    return one.get(1).equals("v1") && one.get(1).equals("v1") && n.get() == 1;
                } catch (InterruptedException e) {
                    return false;
                }
            }, "a key was computed " + most + " times and " + wrong.get() + " answers were wrong (round " + round
                    + "): two threads both missed the cache and both computed");
        });
    }

    @Test
    @DisplayName("different keys compute in parallel")
    void differentKeysInParallel() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        Memoizer<Integer, Boolean> m = new Memoizer<>(k -> {
            try {
                both.await(1500, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException | BrokenBarrierException | InterruptedException e) {
                return false;
            }
        });
        Await.Call<Boolean> a = Await.start("key-1", () -> m.get(1));
        Await.Call<Boolean> b = Await.start("key-2", () -> m.get(2));
        boolean metA = a.get(Duration.ofSeconds(5));
        boolean metB = b.get(Duration.ofSeconds(5));
        Check.that(metA && metB, SERIALIZED, "computations of keys 1 and 2 never ran at the same time: "
                + "one waited for the other (a lock held while computing?)");
    }
}
