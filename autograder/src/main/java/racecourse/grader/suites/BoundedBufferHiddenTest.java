package racecourse.grader.suites;

import exercises.BoundedBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Stress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.RACE;

class BoundedBufferHiddenTest {
    @Test
    @DisplayName("rejects capacity 0 and null items")
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
