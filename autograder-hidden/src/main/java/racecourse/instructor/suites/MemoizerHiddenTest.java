package racecourse.instructor.suites;

import exercises.Memoizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.VerdictFailure;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.SERIALIZED;

class MemoizerHiddenTest {
    @Test
    @DisplayName("a key asked by 4 threads at once while others are asked: one computation per key")
    @Checks(rules = {"R1"}, verdicts = {DEADLOCK, FUNCTIONAL, HANG, RACE}, bound = "8 rounds, 5 s each")
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
            Check.concurrent(calls.get() == 50, MemoizerHiddenTest::computesOnceInOneThread, calls.get() + " computations for 50 distinct keys (round " + round + ")");
        });
    }

    @Test
    @DisplayName("4 threads waiting for one failing computation all get its exception, as is; then the key is computed again")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG, RACE, SERIALIZED}, bound = "3 s per wait")
    void failureReachesEveryWaiter() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<IllegalStateException> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
        Memoizer<Integer, String> m = new Memoizer<>(k -> {
            calls.incrementAndGet();
            computing.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failuresLeft.getAndDecrement() > 0) {
                IllegalStateException boom = new IllegalStateException("boom " + calls.get());
                thrown.add(boom);
                throw boom;
            }
            return "v" + k;
        });
        List<Await.Call<String>> askers = new ArrayList<>();
        try {
            askers.add(Await.start("asker-0", () -> m.get(7)));
            if (!computing.await(3, TimeUnit.SECONDS)) {
                throw askers.get(0).stuck(Duration.ofSeconds(3));
            }
            for (int i = 1; i < 4; i++) {
                askers.add(Await.start("asker-" + i, () -> m.get(7)));
            }
            for (Await.Call<String> a : askers.subList(1, 4)) {
                Await.waitingIn(a.thread(), "exercises.Memoizer", Duration.ofSeconds(2));
            }
            int before = calls.get();
            Check.concurrent(before == 1, MemoizerHiddenTest::computesOnceInOneThread, "key 7, asked by 4 threads while its first computation ran, was computed " + before + " times at once");
            for (Await.Call<String> a : askers.subList(1, 4)) {
                // Queued on a lock the computing thread holds: they will not get its failure, they
                // will compute again after it (and other keys queue there too).
                Check.that(!Await.waitsForLockOf(a.thread(), askers.get(0).thread()), SERIALIZED, "while key 7 was "
                        + "computed, the other askers waited for a lock the computing thread held, not for its result");
            }
        } finally {
            release.countDown();
        }
        List<Object> got = new ArrayList<>();
        for (Await.Call<String> a : askers) {
            try {
                got.add(a.get(Duration.ofSeconds(3)));
            } catch (VerdictFailure f) {
                throw f;
            } catch (Exception e) {
                got.add(e);
            }
        }
        Check.concurrent(calls.get() == 1, MemoizerHiddenTest::computesOnceInOneThread, "key 7, asked by 4 threads while its first computation ran, was computed " + calls.get() + " times");
        for (int i = 0; i < got.size(); i++) {
            Check.that(!thrown.isEmpty() && got.get(i) == thrown.get(0), FUNCTIONAL, "asker " + i + " of the failing key got "
                    + got.get(i) + " instead of the function's own exception " + (thrown.isEmpty() ? "" : thrown.get(0))
                    + ", as is (not wrapped)");
        }
        String again = Await.call("again", Duration.ofSeconds(3), () -> {
            try {
                return m.get(7);
            } catch (IllegalStateException e) {
                return "threw " + e;
            }
        });
        Check.equal("v7", again, FUNCTIONAL, "get(7) after its computation failed (a failure must not be cached)");
    }

    /**
     * The one-thread baseline of {@code Check.concurrent}: a key asked twice by one thread is computed
     * once. When it holds, a failure under concurrency is the submission's concurrency, not its logic.
     */
    static boolean computesOnceInOneThread() {
        AtomicInteger n = new AtomicInteger();
        Memoizer<Integer, Integer> one = new Memoizer<>(k -> n.incrementAndGet());
        try {
            one.get(1);
            one.get(1);
            return n.get() == 1;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
