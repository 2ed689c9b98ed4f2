package exercises.tests;

import exercises.Memoizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.VerdictFailure;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of Memoizer (the grader also runs hidden ones). */
class MemoizerPublicTest {
    @Test
    @DisplayName("computes each key once in one thread; a failure is rethrown and then forgotten")
    @Checks(rules = {"R1", "R3"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s")
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
    @Checks(rules = {"R1"}, verdicts = {DEADLOCK, FUNCTIONAL, HANG, RACE}, bound = "10 rounds, 5 s each")
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
    @Checks(rules = {"R2"}, verdicts = {DEADLOCK, HANG, SERIALIZED}, bound = "5 s; each computation waits at most 1.5 s for the other")
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

    @Test
    @DisplayName("compute may call get for other keys: a memoized Fibonacci")
    @Checks(rules = {"R4"}, verdicts = {DEADLOCK, FUNCTIONAL, HANG}, bound = "5 s")
    void computeMayCallGet() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Memoizer<Integer, Long>[] fib = new Memoizer[1];
        fib[0] = new Memoizer<>(k -> {
            calls.incrementAndGet();
            if (k < 2) {
                return (long) k;
            }
            try {
                return fib[0].get(k - 1) + fib[0].get(k - 2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long got;
        try {
            got = Await.call("fib", Duration.ofSeconds(5), () -> fib[0].get(90));
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            throw new VerdictFailure(FUNCTIONAL, "get(90), whose compute calls get(89) and get(88), threw " + e
                    + " (is compute running inside ConcurrentHashMap.computeIfAbsent? its function must not use the map)", e);
        }
        Check.equal(2880067194370816120L, got, FUNCTIONAL, "fib(90) through the memoizer");
        Check.equal(91, calls.get(), FUNCTIONAL, "computations for fib(90), whose keys are 0..90");
    }

    @Test
    @DisplayName("a null function or key is a NullPointerException")
    @Checks(rules = {"R5"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s")
    void nulls() throws Exception {
        Await.call("nulls", Duration.ofSeconds(3), () -> {
            try {
                new Memoizer<Integer, Integer>(null);
                throw new VerdictFailure(FUNCTIONAL, "new Memoizer(null) did not throw NullPointerException");
            } catch (NullPointerException expected) {
                // right
            }
            Memoizer<Integer, Integer> m = new Memoizer<>(k -> 1);
            try {
                m.get(null);
                throw new VerdictFailure(FUNCTIONAL, "get(null) did not throw NullPointerException");
            } catch (NullPointerException expected) {
                // right
            }
            return null;
        });
    }

    @Test
    @DisplayName("a get waiting for another thread's computation throws InterruptedException when interrupted; the computation goes on and is kept")
    @Checks(rules = {"R6"}, verdicts = {FUNCTIONAL, HANG, RACE, SERIALIZED}, bound = "1 s to throw after the interrupt; 3 s for the rest")
    void interruptedWaiter() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Memoizer<Integer, String> m = new Memoizer<>(k -> {
            calls.incrementAndGet();
            computing.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (!release.await(5, TimeUnit.SECONDS)) {
                        return "timed out";
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // this computation ignores interrupts; the waiter must not
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return "v" + k;
        });
        Await.Call<String> first = Await.start("computing", () -> m.get(1));
        Await.Call<String> waiter = null;
        try {
            if (!computing.await(3, TimeUnit.SECONDS)) {
                throw first.stuck(Duration.ofSeconds(3));
            }
            waiter = Await.start("waiting", () -> m.get(1));
            Await.waitingIn(waiter.thread(), "exercises.Memoizer", Duration.ofSeconds(2));
            Check.concurrent(calls.get() == 1, () -> {
                AtomicInteger n = new AtomicInteger();
                Memoizer<Integer, Integer> one = new Memoizer<>(k -> n.incrementAndGet());
                try {
                    one.get(1);
                    one.get(1);
                    return n.get() == 1;
                } catch (InterruptedException e) {
                    return false;
                }
            }, "a second get(1) computed the key again instead of waiting for the computation under way");
            waiter.thread().interrupt();
            if (!waiter.await(Duration.ofSeconds(1))) {
                boolean onLock = Await.waitsForLockOf(waiter.thread(), first.thread());
                throw new VerdictFailure(onLock ? SERIALIZED : FUNCTIONAL, "a get waiting for another thread's computation "
                        + "of its key was interrupted and still waited 1 s later"
                        + (onLock ? ": it waits for a lock the computing thread holds while computing (which also makes "
                        + "other keys wait)" : ": wait interruptibly and let the InterruptedException out"));
            }
            try {
                String v = waiter.get(Duration.ofSeconds(1));
                throw new VerdictFailure(FUNCTIONAL, "the interrupted get returned " + v + " instead of throwing InterruptedException");
            } catch (InterruptedException expected) {
                // right
            } catch (VerdictFailure f) {
                throw f;
            } catch (Exception e) {
                throw new VerdictFailure(FUNCTIONAL, "the interrupted get threw " + e + " instead of InterruptedException", e);
            }
        } finally {
            release.countDown();
        }
        String v;
        try {
            v = first.get(Duration.ofSeconds(3));
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            throw new VerdictFailure(FUNCTIONAL, "the computing get threw " + e + " after a waiter was interrupted: "
                    + "an interrupted waiter must not cancel the computation", e);
        }
        Check.equal("v1", v, FUNCTIONAL, "the computing get's value after a waiter was interrupted");
        String again = Await.call("again", Duration.ofSeconds(3), () -> m.get(1));
        Check.equal("v1", again, FUNCTIONAL, "get(1) after the computation ended");
        Check.equal(1, calls.get(), FUNCTIONAL, "computations of key 1 (an interrupted waiter must not make the key be forgotten)");
    }
}
