package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CountingSemaphoreTest {
    @Test
    void rejectsNegativePermits() {
        assertThrows(IllegalArgumentException.class, () -> new CountingSemaphore(-1));
        assertEquals(0, new CountingSemaphore(0).availablePermits());
    }

    @Test
    void countsPermits() throws Exception {
        CountingSemaphore s = new CountingSemaphore(2);
        s.acquire();
        assertEquals(1, s.availablePermits());
        s.acquire();
        assertEquals(0, s.availablePermits());
        s.release();
        s.release();
        s.release();                // like P and V: release may raise above the initial count
        assertEquals(3, s.availablePermits());
    }

    @Test
    void acquireBlocksUntilARelease() throws Exception {
        CountingSemaphore s = new CountingSemaphore(0);
        Waits.Task<Void> acquirer = Waits.start("acquirer", () -> {
            s.acquire();
            return null;
        });
        Waits.assertStaysBlocked(acquirer.thread());
        s.release();
        acquirer.get();
        assertEquals(0, s.availablePermits());
    }

    @Test
    void eachReleaseLetsOneWaiterThrough() throws Exception {
        CountingSemaphore s = new CountingSemaphore(0);
        AtomicInteger through = new AtomicInteger();
        List<Waits.Task<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(Waits.start("waiter-" + i, () -> {
                s.acquire();
                through.incrementAndGet();
                return null;
            }));
        }
        for (Waits.Task<Void> w : waiters) {
            Waits.awaitBlocked(w.thread());
        }
        for (int i = 1; i <= 3; i++) {
            s.release();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (through.get() < i && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(20);       // give an extra waiter the chance to slip through wrongly
            assertEquals(i, through.get(), "after " + i + " releases");
        }
        for (Waits.Task<Void> w : waiters) {
            w.get();
        }
    }

    @Test
    void interruptedAcquireTakesNoPermit() throws Exception {
        CountingSemaphore s = new CountingSemaphore(0);
        Waits.Task<Void> acquirer = Waits.start("acquirer", () -> {
            s.acquire();
            return null;
        });
        Waits.awaitBlocked(acquirer.thread());
        acquirer.thread().interrupt();
        assertThrows(InterruptedException.class, acquirer::get);
        s.release();
        assertEquals(1, s.availablePermits());
    }

    @Test
    void neverMoreHoldersThanPermits() throws Exception {
        int permits = 3;
        CountingSemaphore s = new CountingSemaphore(permits);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < 2_000; i++) {
                        s.acquire();
                        int h = holders.incrementAndGet();
                        maxHolders.accumulateAndGet(h, Math::max);
                        Thread.onSpinWait();
                        holders.decrementAndGet();
                        s.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        go.countDown();
        for (Thread t : ts) {
            Waits.awaitEnd(t);
        }
        assertTrue(maxHolders.get() <= permits, "saw " + maxHolders.get() + " holders of " + permits + " permits");
        assertEquals(permits, s.availablePermits());
    }
}
