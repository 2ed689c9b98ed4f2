package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoizerTest {
    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new Memoizer<String, String>(null));
        Memoizer<String, Integer> m = new Memoizer<>(String::length);
        assertThrows(NullPointerException.class, () -> m.get(null));
    }

    @Test
    void computesEachKeyOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Memoizer<String, Integer> m = new Memoizer<>(s -> {
            calls.incrementAndGet();
            return s.length();
        });
        assertEquals(3, m.get("abc"));
        assertEquals(3, m.get("abc"));
        assertEquals(1, m.get("x"));
        assertEquals(2, calls.get());
    }

    @Test
    void concurrentCallersOfOneKeyShareOneComputation() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Memoizer<Integer, Integer> m = new Memoizer<>(k -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return k * 10;
        });
        List<Waits.Task<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Waits.start("caller-" + i, () -> m.get(7)));
        }
        for (Waits.Task<Integer> c : callers) {
            Waits.awaitBlocked(c.thread());       // all are inside get, one computing, the rest waiting
        }
        release.countDown();
        for (Waits.Task<Integer> c : callers) {
            assertEquals(70, c.get());
        }
        assertEquals(1, calls.get(), "the key was computed more than once");
    }

    @Test
    void differentKeysComputeInParallel() throws Exception {
        CountDownLatch bothComputing = new CountDownLatch(2);
        Memoizer<Integer, Boolean> m = new Memoizer<>(k -> {
            bothComputing.countDown();
            try {
                return bothComputing.await(Waits.SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Waits.Task<Boolean> a = Waits.start("key-1", () -> m.get(1));
        Waits.Task<Boolean> b = Waits.start("key-2", () -> m.get(2));
        assertTrue(a.get() && b.get(), "two different keys could not be computed at the same time");
    }

    @Test
    void aFailureReachesEveryWaiterAsIsAndIsNotCached() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        Function<String, String> compute = k -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw boom;
            }
            return k.toUpperCase();
        };
        Memoizer<String, String> m = new Memoizer<>(compute);
        List<Waits.Task<String>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(Waits.start("caller-" + i, () -> m.get("k")));
        }
        for (Waits.Task<String> c : callers) {
            Waits.awaitBlocked(c.thread());
        }
        release.countDown();
        for (Waits.Task<String> c : callers) {
            IllegalStateException e = assertThrows(IllegalStateException.class, c::get);
            assertSame(boom, e, "the exception must be rethrown as is, not wrapped");
        }
        assertEquals(1, calls.get());
        assertEquals("K", m.get("k"));            // computed again
        assertEquals("K", m.get("k"));
        assertEquals(2, calls.get());
    }

    @Test
    void aComputationMayUseTheMemoizerForOtherKeys() throws Exception {
        var fib = new java.util.concurrent.atomic.AtomicReference<Memoizer<Integer, Long>>();
        fib.set(new Memoizer<>(n -> {
            try {
                return n < 2 ? (long) n : fib.get().get(n - 1) + fib.get().get(n - 2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertEquals(12_586_269_025L, fib.get().get(50));
    }
}
