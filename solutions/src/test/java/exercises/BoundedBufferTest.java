package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedBufferTest {
    @Test
    void rejectsCapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer<String>(0));
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer<String>(-5));
        new BoundedBuffer<String>(1);
    }

    @Test
    void rejectsNull() {
        BoundedBuffer<String> b = new BoundedBuffer<>(2);
        assertThrows(NullPointerException.class, () -> b.put(null));
        assertEquals(0, b.size());
    }

    @Test
    void isFifoAndCountsItsItems() throws Exception {
        BoundedBuffer<Integer> b = new BoundedBuffer<>(3);
        assertEquals(0, b.size());
        for (int round = 0; round < 5; round++) {   // wraps around the circular array
            b.put(1);
            b.put(2);
            b.put(3);
            assertEquals(3, b.size());
            assertEquals(1, b.take());
            assertEquals(2, b.take());
            b.put(4);
            assertEquals(3, b.take());
            assertEquals(4, b.take());
            assertEquals(0, b.size());
        }
    }

    @Test
    void putBlocksWhileFull() throws Exception {
        BoundedBuffer<String> b = new BoundedBuffer<>(1);
        b.put("a");
        Waits.Task<Void> putter = Waits.start("putter", () -> {
            b.put("b");
            return null;
        });
        Waits.assertStaysBlocked(putter.thread());
        assertEquals(1, b.size());
        assertEquals("a", b.take());
        putter.get();
        assertEquals("b", b.take());
    }

    @Test
    void takeBlocksWhileEmpty() throws Exception {
        BoundedBuffer<String> b = new BoundedBuffer<>(2);
        Waits.Task<String> taker = Waits.start("taker", b::take);
        Waits.assertStaysBlocked(taker.thread());
        b.put("x");
        assertEquals("x", taker.get());
        assertEquals(0, b.size());
    }

    @Test
    void interruptedPutLeavesTheBufferUnchanged() throws Exception {
        BoundedBuffer<String> b = new BoundedBuffer<>(1);
        b.put("a");
        Waits.Task<Void> putter = Waits.start("putter", () -> {
            b.put("b");
            return null;
        });
        Waits.awaitBlocked(putter.thread());
        putter.thread().interrupt();
        assertThrows(InterruptedException.class, putter::get);
        assertEquals(1, b.size());
        assertEquals("a", b.take());
        b.put("c");                 // the slot the interrupted put waited for is still usable
        assertEquals("c", b.take());
    }

    @Test
    void everyItemIsTakenOnceAndEachProducersOrderIsKept() throws Exception {
        BoundedBuffer<long[]> b = new BoundedBuffer<>(4);
        int producers = 4;
        int consumers = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int p = 0; p < producers; p++) {
            long id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        b.put(new long[] {id, i});
                    }
                } catch (InterruptedException e) {
                    errors.add("producer interrupted");
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                long[] last = new long[producers];
                java.util.Arrays.fill(last, -1);
                try {
                    go.await();
                    for (int i = 0; i < each * producers / consumers; i++) {
                        long[] item = b.take();
                        int p = (int) item[0];
                        if (item[1] <= last[p]) {
                            errors.add("producer " + p + "'s items out of order: " + item[1] + " after " + last[p]);
                        }
                        last[p] = item[1];
                        if (seen.put(item[0] * each + item[1], Boolean.TRUE) != null) {
                            errors.add("taken twice: " + java.util.Arrays.toString(item));
                        }
                    }
                } catch (InterruptedException e) {
                    errors.add("consumer interrupted");
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(15_000);
            assertFalse(t.isAlive(), "a producer or consumer is stuck: lost wakeup or deadlock?");
        }
        assertTrue(errors.isEmpty(), () -> errors.subList(0, Math.min(5, errors.size())).toString());
        assertEquals(producers * each, seen.size());
        assertEquals(0, b.size());
    }
}
