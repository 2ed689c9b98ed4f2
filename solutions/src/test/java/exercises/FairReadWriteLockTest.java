package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FairReadWriteLockTest {
    private static Waits.Task<Void> reader(FairReadWriteLock l, String name, CountDownLatch release) {
        return reader(l, name, new CountDownLatch(1), release);
    }

    /** A reader that counts {@code entered} down once it holds the lock, and leaves once {@code release} opens. */
    private static Waits.Task<Void> reader(FairReadWriteLock l, String name, CountDownLatch entered, CountDownLatch release) {
        return Waits.start(name, () -> {
            l.lockRead();
            entered.countDown();
            try {
                release.await();
            } finally {
                l.unlockRead();
            }
            return null;
        });
    }

    private static Waits.Task<Void> writer(FairReadWriteLock l, String name, CountDownLatch release) {
        return writer(l, name, new CountDownLatch(1), release);
    }

    private static Waits.Task<Void> writer(FairReadWriteLock l, String name, CountDownLatch entered, CountDownLatch release) {
        return Waits.start(name, () -> {
            l.lockWrite();
            entered.countDown();
            try {
                release.await();
            } finally {
                l.unlockWrite();
            }
            return null;
        });
    }

    @Test
    void readersShare() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        l.lockRead();
        Waits.Task<Void> other = Waits.start("reader", () -> {
            l.lockRead();           // must not wait for the first reader
            l.unlockRead();
            return null;
        });
        other.get();
        l.unlockRead();
    }

    @Test
    void aWriterWaitsForReadersAndExcludesThem() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        l.lockRead();
        CountDownLatch writerIn = new CountDownLatch(1);
        CountDownLatch writerDone = new CountDownLatch(1);
        Waits.Task<Void> w = writer(l, "writer", writerIn, writerDone);
        Waits.assertStaysBlocked(w.thread());
        assertEquals(1, writerIn.getCount(), "the writer got in while a reader held the lock");
        l.unlockRead();
        assertTrue(writerIn.await(Waits.SECONDS, java.util.concurrent.TimeUnit.SECONDS), "the writer never got in");
        // The writer holds the lock: a reader must wait for it.
        CountDownLatch readerDone = new CountDownLatch(0);
        Waits.Task<Void> r = reader(l, "reader", readerDone);
        Waits.assertStaysBlocked(r.thread());
        writerDone.countDown();
        w.get();
        r.get();
    }

    @Test
    void writersExcludeEachOther() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        l.lockWrite();
        Waits.Task<Void> w = writer(l, "writer", new CountDownLatch(0));
        Waits.assertStaysBlocked(w.thread());
        l.unlockWrite();
        w.get();
    }

    @Test
    void aWaitingWriterIsNotOvertakenByNewReaders() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        l.lockRead();                                         // reader A holds
        CountDownLatch writerGo = new CountDownLatch(1);
        Waits.Task<Void> w = writer(l, "writer", writerGo);
        Waits.assertStaysBlocked(w.thread());                // W waits for A
        AtomicInteger order = new AtomicInteger();
        Waits.Task<Integer> b = Waits.start("late-reader", () -> {
            l.lockRead();                                     // B arrives after W: must not overtake
            int when = order.incrementAndGet();
            l.unlockRead();
            return when;
        });
        Waits.assertStaysBlocked(b.thread());
        assertEquals(0, order.get(), "a reader overtook the waiting writer (writers can starve)");
        l.unlockRead();                                       // A leaves: W gets in, B still waits
        Waits.assertStaysBlocked(b.thread());
        writerGo.countDown();
        w.get();
        assertEquals(1, b.get());
    }

    @Test
    void waitingReadersAreNotOvertakenByNewWriters() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        l.lockWrite();                                        // W1 holds
        CountDownLatch readerIn = new CountDownLatch(1);
        CountDownLatch readerGo = new CountDownLatch(1);
        Waits.Task<Void> r = reader(l, "reader", readerIn, readerGo);
        Waits.assertStaysBlocked(r.thread());                // R waits for W1
        Waits.Task<Void> w2 = writer(l, "late-writer", new CountDownLatch(0));
        Waits.assertStaysBlocked(w2.thread());               // W2 arrives after R
        l.unlockWrite();
        // R must now hold the lock (it waits on its latch), and W2 must still be waiting.
        assertTrue(readerIn.await(Waits.SECONDS, java.util.concurrent.TimeUnit.SECONDS),
                "the waiting reader did not get in when the writer left");
        Waits.assertStaysBlocked(w2.thread());
        assertFalse(w2.future().isDone(), "a writer overtook the waiting reader (readers can starve)");
        readerGo.countDown();
        r.get();
        w2.get();
    }

    @Test
    void anInterruptWhileWaitingIsKeptAsStatus() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        l.lockWrite();
        Waits.Task<Boolean> r = Waits.start("reader", () -> {
            l.lockRead();
            boolean interrupted = Thread.interrupted();
            l.unlockRead();
            return interrupted;
        });
        Waits.awaitBlocked(r.thread());
        r.thread().interrupt();
        Waits.assertStaysBlocked(r.thread());                // still waiting: no exception, no entry
        l.unlockWrite();
        assertTrue(r.get(), "the interrupt status was lost");
    }

    @Test
    void unlockingWhatIsNotHeldFails() {
        FairReadWriteLock l = new FairReadWriteLock();
        assertThrows(IllegalMonitorStateException.class, l::unlockRead);
        assertThrows(IllegalMonitorStateException.class, l::unlockWrite);
    }

    @Test
    void mutualExclusionUnderLoad() throws Exception {
        FairReadWriteLock l = new FairReadWriteLock();
        AtomicInteger readers = new AtomicInteger();
        AtomicInteger writers = new AtomicInteger();
        AtomicInteger violations = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean writer = t % 2 == 0;
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 3_000; i++) {
                    if (writer) {
                        l.lockWrite();
                        if (writers.incrementAndGet() != 1 || readers.get() != 0) {
                            violations.incrementAndGet();
                        }
                        writers.decrementAndGet();
                        l.unlockWrite();
                    } else {
                        l.lockRead();
                        readers.incrementAndGet();
                        if (writers.get() != 0) {
                            violations.incrementAndGet();
                        }
                        readers.decrementAndGet();
                        l.unlockRead();
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : ts) {
            t.join(15_000);
            assertFalse(t.isAlive(), "a thread is stuck: deadlock or lost wakeup?");
        }
        assertEquals(0, violations.get());
    }
}
