package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutcomeTableTest {
    static final class Plain {
        int x;                       // plain on purpose: the lost update is an outcome to count
    }

    @Test
    void countsTheLostUpdateOfAPlainIncrementAmongItsOutcomes() throws Exception {
        Consumer<Plain> inc = s -> s.x++;
        Map<Integer, Long> table = OutcomeTable.run(2_000, Plain::new, List.of(inc, inc), s -> s.x, Duration.ofSeconds(5));
        assertEquals(2_000L, table.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(List.of(1, 2).containsAll(table.keySet()), "outcomes " + table);
    }

    @Test
    void actorsMeetAtALatchTheSizeOfTheRound() throws Exception {
        Consumer<CountDownLatch> meet = l -> {
            l.countDown();
            try {
                l.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Map<Long, Long> table = OutcomeTable.run(20, () -> new CountDownLatch(3), List.of(meet, meet, meet),
                CountDownLatch::getCount, Duration.ofSeconds(5));
        assertEquals(Map.of(0L, 20L), table);
    }

    @Test
    void anActorsExceptionIsTheCause() {
        IllegalStateException boom = new IllegalStateException("boom");
        ExecutionException e = assertThrows(ExecutionException.class, () -> OutcomeTable.run(3, Object::new,
                List.<Consumer<Object>>of(s -> {
                    throw boom;
                }, s -> {
                }), s -> 0, Duration.ofSeconds(5)));
        assertSame(boom, e.getCause());
    }

    @Test
    void aStuckRoundTimesOutAndItsActorIsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        Consumer<Object> stuck = s -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        };
        assertThrows(TimeoutException.class, () -> OutcomeTable.run(2, Object::new, List.of(stuck), s -> 0,
                Duration.ofMillis(100)));
        assertEquals(1, interrupted.get(), "run returns only after its actors ended");
    }

    @Test
    void badArguments() {
        Consumer<Object> nothing = s -> {
        };
        assertThrows(IllegalArgumentException.class, () -> OutcomeTable.run(0, Object::new, List.of(nothing), s -> 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> OutcomeTable.run(1, Object::new, List.<Consumer<Object>>of(), s -> 0, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> OutcomeTable.run(1, Object::new, List.of(nothing), s -> 0, null));
    }
}
