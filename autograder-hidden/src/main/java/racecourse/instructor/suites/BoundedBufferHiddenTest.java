package racecourse.instructor.suites;

import exercises.BoundedBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Bytecode;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

class BoundedBufferHiddenTest {
    @Test
    @DisplayName("rejects capacity 0 and null items")
    @Checks(rules = "R5", verdicts = FUNCTIONAL, bound = "20 s")
    void rejectsBadArguments() throws Exception {
        try {
            new BoundedBuffer<Integer>(0);
            throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "new BoundedBuffer(0) did not throw IllegalArgumentException");
        } catch (IllegalArgumentException expected) {
            // right
        }
        try {
            new BoundedBuffer<Integer>(1).put(null);
            throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "put(null) did not throw NullPointerException");
        } catch (NullPointerException expected) {
            // right
        }
    }

    @Test
    @DisplayName("sum of all items is kept and size never exceeds capacity, 4 producers and 2 consumers")
    @Checks(rules = {"R2", "R3"}, verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "6 rounds, 6 s each")
    void sizeNeverExceedsCapacity() throws Exception {
        Stress.rounds(6, round -> {
            BoundedBuffer<Integer> b = new BoundedBuffer<>(2);
            AtomicInteger maxSize = new AtomicInteger();
            AtomicLong taken = new AtomicLong();
            Stress.parallel("bb", 6, Duration.ofSeconds(6), RACE, i -> {
                if (i < 4) {
                    for (int k = 1; k <= 500; k++) {
                        b.put(k);
                        maxSize.accumulateAndGet(b.size(), Math::max);
                    }
                } else {
                    for (int k = 0; k < 1000; k++) {
                        taken.addAndGet(b.take());
                    }
                }
            });
            Check.concurrent(maxSize.get() <= 2, BoundedBufferHiddenTest::capacityHolds, "size() returned " + maxSize.get() + " in a buffer of capacity 2");
            Check.concurrent(taken.get() == 4L * 500 * 501 / 2, BoundedBufferPublicTest_fifo::holds,
                    "the items taken add up to " + taken.get() + ", not " + 4L * 500 * 501 / 2 + ": items were lost or duplicated");
        });
    }

    @Test
    @DisplayName("an interrupted put or take throws InterruptedException and leaves the buffer unchanged")
    @Checks(rules = "R4", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s per wait")
    void interruptedCallsChangeNothing() throws Exception {
        Duration wait = Duration.ofSeconds(2);
        BoundedBuffer<String> b = new BoundedBuffer<>(1);
        b.put("a");
        Await.Call<Void> putter = Await.start("interrupted-put", () -> {
            b.put("b");
            return null;
        });
        Check.that(Await.blocked(putter.thread(), wait) && !putter.isDone(), FUNCTIONAL,
                "put into a full buffer of capacity 1 did not wait");
        Await.interruptThrows(putter, "put (waiting while the buffer is full)", wait);
        Check.equal(1, b.size(), FUNCTIONAL, "size() after an interrupted put into a buffer holding 1 item");
        Check.equal("a", Await.call("take", wait, b::take), FUNCTIONAL, "the take after an interrupted put");
        Await.Call<String> taker = Await.start("interrupted-take", b::take);
        Check.that(Await.blocked(taker.thread(), wait) && !taker.isDone(), FUNCTIONAL, "take from an empty buffer did not wait");
        Await.interruptThrows(taker, "take (waiting while the buffer is empty)", wait);
        Check.equal(0, b.size(), FUNCTIONAL, "size() after an interrupted take from an empty buffer");
        // A slot or an item that the interrupted calls kept or gave back twice shows now: the buffer
        // must still hold exactly one item at capacity 1, and hand out exactly what was put.
        Await.call("put", wait, () -> {
            b.put("c");
            return null;
        });
        Await.Call<Void> second = Await.start("second-put", () -> {
            b.put("d");
            return null;
        });
        Check.that(Await.blocked(second.thread(), wait) && !second.isDone(), FUNCTIONAL,
                "after an interrupted put and an interrupted take, a buffer of capacity 1 that holds an item "
                        + "accepted a second one: an interrupted call gave back a slot it never took");
        Check.equal("c", Await.call("take", wait, b::take), FUNCTIONAL, "the first take after the interrupted calls");
        second.get(wait);
        Check.equal("d", Await.call("take", wait, b::take), FUNCTIONAL, "the second take after the interrupted calls");
    }

    @Test
    @DisplayName("size() reads the count with synchronization (class file check)")
    @Checks(rules = "R6", verdicts = {FUNCTIONAL, RACE}, bound = "none (reads the class file)")
    void sizeReadsWithSynchronization() {
        List<String> reads = Bytecode.of(BoundedBuffer.class, () -> new BoundedBuffer<String>(1).size()).unsynchronizedReads("size", "()I");
        Check.that(reads.isEmpty(), RACE, "size() reads " + String.join(", ", reads) + ", which put and take change, "
                + "without synchronization (not volatile, no lock held): a thread that polls size() may never see "
                + "other threads' puts and takes");
    }

    @Test
    @DisplayName("uses no BlockingQueue, and waits without sleep, yield or spinning (class file check)")
    @Checks(rules = {"R7", "R8"}, verdicts = FUNCTIONAL, bound = "none (reads the class file)")
    void noBlockingQueueNoBusyWait() {
        Bytecode code = Bytecode.of(BoundedBuffer.class, () -> new BoundedBuffer<String>(1).size());
        for (String c : code.referencedClasses()) {
            Check.that(!(c.startsWith("java.util.concurrent.") && (c.contains("BlockingQueue") || c.contains("BlockingDeque")
                    || c.contains("TransferQueue") || c.endsWith("SynchronousQueue") || c.endsWith("DelayQueue"))),
                    FUNCTIONAL, "uses " + c + ": this exercise is to build the blocking queue, not to use one");
        }
        code.calls().forEach((call, where) -> Check.that(!Set.of("java.lang.Thread.sleep", "java.lang.Thread.yield",
                "java.lang.Thread.onSpinWait").contains(call), FUNCTIONAL, "calls " + call + " (" + where
                + "): wait by blocking (a semaphore, wait() or a Condition), not by sleeping, yielding or spinning"));
    }

    /** A buffer of capacity 2 holding 2 items makes a third put wait. */
    static boolean capacityHolds() {
        try {
            BoundedBuffer<Integer> b = new BoundedBuffer<>(2);
            b.put(1);
            b.put(2);
            racecourse.grader.harness.Await.Call<Void> third = racecourse.grader.harness.Await.start("baseline-put", () -> {
                b.put(3);
                return null;
            });
            boolean waited = racecourse.grader.harness.Await.blocked(third.thread(), Duration.ofMillis(500)) && !third.isDone();
            b.take();
            third.get(Duration.ofSeconds(2));
            return waited;
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    /** The one-thread baseline (the public suite's, repeated: the suites are compiled separately for students). */
    static final class BoundedBufferPublicTest_fifo {
        static boolean holds() {
            try {
                BoundedBuffer<Integer> b = new BoundedBuffer<>(2);
                for (int k = 1; k <= 100; k++) {
                    b.put(k);
                    if (b.take() != k) {
                        return false;
                    }
                }
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
