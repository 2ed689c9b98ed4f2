package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedFetcherTest {
    @Test
    void resultsInListOrderWithinTheBound() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int index = i;
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep((30 - index) % 7);
                    return index;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        List<Integer> got = BoundedFetcher.fetchAll(tasks, 3, Duration.ofSeconds(10));
        for (int i = 0; i < 30; i++) {
            assertEquals(i, got.get(i));
        }
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        assertEquals(List.of(), BoundedFetcher.fetchAll(List.<Callable<Integer>>of(), 1, Duration.ofSeconds(1)));
    }

    @Test
    void firstFailureAndTimeoutCancelTheRest() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger interrupted = new AtomicInteger();
        Callable<String> sleeper = () -> {
            try {
                Thread.sleep(10_000);
                return "late";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> BoundedFetcher.fetchAll(List.of(sleeper, () -> { throw boom; }, sleeper), 3, Duration.ofSeconds(10)));
        assertSame(boom, e.getCause());
        assertThrows(TimeoutException.class, () -> BoundedFetcher.fetchAll(List.of(sleeper, sleeper), 2, Duration.ofMillis(100)));
        assertEquals(4, interrupted.get(), "every sleeper interrupted, and ended, before fetchAll returned");
        assertThrows(IllegalArgumentException.class, () -> BoundedFetcher.fetchAll(List.of(sleeper), 0, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> BoundedFetcher.fetchAll(List.of(sleeper), 1, null));
    }
}
