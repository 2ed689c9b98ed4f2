package racecourse.grader.harness;

import racecourse.results.Verdict;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real threads in this JVM: what an earlier test left behind (a deadlock, a thread still loading
 * array elements, a dying thread) is never the running test's diagnosis; the running test's own
 * dead worker is.
 */
class TestScopeTest {
    private final List<Thread> cleanup = new java.util.ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        TestScope.end();
        Probe.disarm();
        for (Thread t : cleanup) {
            t.interrupt();
            t.join(2000);
        }
    }

    @Test
    void anEarlierTestsDeadlockIsNotThisTestsHang() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Thread left = deadlocker("leftover-1", a, b, bothHoldOne);
        Thread right = deadlocker("leftover-2", b, a, bothHoldOne);
        assertTrue(Await.blocked(left, Duration.ofSeconds(5)) && Await.blocked(right, Duration.ofSeconds(5)));
        assertNotNull(awaitCycle(), "the control: the leftovers are deadlocked, seen outside any test");

        TestScope.begin("Later#hangs");
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = Thread.ofPlatform().name("later-waiter").start(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // stopped by the test
            }
        });
        cleanup.add(waiter);
        assertTrue(Await.blocked(waiter, Duration.ofSeconds(5)));
        VerdictFailure f = Diagnosis.stuck("the later test", List.of(waiter));
        assertEquals(Verdict.HANG, f.verdict(), f.getMessage());
        assertTrue(f.getMessage().contains("later-waiter"), f.getMessage());
        assertFalse(f.getMessage().contains("leftover"), f.getMessage());
    }

    @Test
    void aLeftoverLoadingArraysDoesNotCompleteTheRendezvous() throws Exception {
        assertTrue(rendezvousWithLeftover(false), "the control: outside any test the two threads meet");
        assertFalse(rendezvousWithLeftover(true), "in a test, the leftover must not count");
    }

    @Test
    void aDeadWorkerOfThisTestIsTheCauseOfItsHang() throws Exception {
        CountDownLatch dieNow = new CountDownLatch(1);
        Thread leftover = Thread.ofPlatform().name("leftover-dies").unstarted(() -> {
            awaitQuietly(dieNow);
            throw submissionError(new IllegalArgumentException("earlier test's worker"));
        });
        leftover.setUncaughtExceptionHandler(TestScope::uncaught);
        leftover.start();
        TestScope.begin("Sum#hangs");
        dieNow.countDown();
        leftover.join(5000);
        Thread interrupted = Thread.ofPlatform().name("psum-stopped").unstarted(() -> {
            throw submissionError(new IllegalStateException("stopped", new InterruptedException()));
        });
        interrupted.setUncaughtExceptionHandler(TestScope::uncaught);
        interrupted.start();
        interrupted.join(5000);
        assertTrue(TestScope.currentDeath().isEmpty(), "a leftover's death or an interrupt is not a cause: " + TestScope.currentDeath());

        Thread worker = Thread.ofPlatform().name("psum-3").unstarted(() -> {
            throw submissionError(new ArrayIndexOutOfBoundsException("Index 10 out of bounds for length 10"));
        });
        worker.setUncaughtExceptionHandler(TestScope::uncaught);
        worker.start();
        worker.join(5000);
        VerdictFailure f = Diagnosis.stuck("sum", List.of(Thread.currentThread()));
        assertEquals(Verdict.FUNCTIONAL, f.verdict(), f.getMessage());
        assertEquals("a thread your code started (\"psum-3\") died with java.lang.ArrayIndexOutOfBoundsException: "
                + "Index 10 out of bounds for length 10 at ParallelSum.java:25 (ParallelSum.lambda$sum$0); then sum did not finish",
                f.getMessage());
    }

    @Test
    void virtualThreadsAreTheTestsThatStartedThem() throws Exception {
        TestScope.begin("First");
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().unstarted(() -> awaitQuietly(release));
        TestScope.track(first);
        first.start();
        cleanup.add(first);
        assertTrue(TestScope.current().liveThreads().contains(first));
        TestScope.end();

        TestScope second = TestScope.begin("Second");
        assertFalse(second.owns(first), "an earlier test's virtual thread");
        assertFalse(second.liveThreads().contains(first));
        ExecutorService pool = TestScope.newVirtualThreadPerTaskExecutor();
        CountDownLatch running = new CountDownLatch(1);
        Thread[] inPool = new Thread[1];
        pool.execute(() -> {
            inPool[0] = Thread.currentThread();
            running.countDown();
            awaitQuietly(release);
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        assertTrue(inPool[0].isVirtual() && second.liveThreads().contains(inPool[0]), second.liveThreads().toString());
        release.countDown();
        pool.close();
    }

    private Thread deadlocker(String name, ReentrantLock first, ReentrantLock second, CyclicBarrier bothHoldOne) {
        Thread t = Thread.ofPlatform().name(name).daemon().start(() -> {
            first.lock();
            try {
                bothHoldOne.await(5, TimeUnit.SECONDS);
                second.lockInterruptibly();
                second.unlock();
            } catch (Exception e) {
                // interrupted at the end of the test
            } finally {
                first.unlock();
            }
        });
        cleanup.add(t);
        return t;
    }

    private static String awaitCycle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String cycle;
        while ((cycle = Diagnosis.deadlockCycle()) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return cycle;
    }

    /** Whether a thread of the test and one started before it meet at an armed rendezvous of 2. */
    private boolean rendezvousWithLeftover(boolean inTest) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Thread leftover = Thread.ofPlatform().name("leftover-loader").start(() -> {
            awaitQuietly(go);
            Probe.arrayLoad();
        });
        cleanup.add(leftover);
        if (inTest) {
            TestScope.begin("Sum#parallel");
        }
        Probe.Rendezvous r = Probe.arm(2, 500);
        Thread loader = Thread.ofPlatform().name("test-loader").start(Probe::arrayLoad);
        go.countDown();
        loader.join(5000);
        leftover.join(5000);
        Probe.disarm();
        TestScope.end();
        return r.met();
    }

    private static RuntimeException submissionError(RuntimeException e) {
        e.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("exercises.ParallelSum", "lambda$sum$0", "ParallelSum.java", 25),
                new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1583)});
        return e;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
