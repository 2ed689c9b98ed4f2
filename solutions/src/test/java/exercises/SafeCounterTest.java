package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SafeCounterTest {
    @Test
    void startsAtZeroAndCounts() {
        SafeCounter c = new SafeCounter();
        assertEquals(0, c.get());
        for (int i = 0; i < 1000; i++) {
            c.increment();
        }
        assertEquals(1000, c.get());
    }

    @Test
    void losesNoUpdateUnderContention() throws Exception {
        SafeCounter c = new SafeCounter();
        int threads = 8;
        int each = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    c.increment();
                }
            }));
        }
        go.countDown();             // all start together: maximal contention
        for (Thread t : ts) {
            Waits.awaitEnd(t);
        }
        assertEquals((long) threads * each, c.get());
    }
}
