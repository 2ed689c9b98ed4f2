package exercises.tests;

import exercises.LockFreeStack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

/** Public tests of LockFreeStack (the grader also runs hidden ones). */
public class LockFreeStackPublicTest {
    @Test
    @DisplayName("in one thread: pop returns the newest item, null when empty; isEmpty follows")
    @Checks(rules = "R1", verdicts = {FUNCTIONAL, HANG}, bound = "3 s")
    void lastInFirstOut() throws Exception {
        Await.call("lifo", Duration.ofSeconds(3), () -> {
            LockFreeStack<String> s = new LockFreeStack<>();
            Check.that(s.isEmpty(), FUNCTIONAL, "a new stack is not empty");
            Check.equal(null, s.pop(), FUNCTIONAL, "pop() of a new stack");
            s.push("a");
            Check.that(!s.isEmpty(), FUNCTIONAL, "isEmpty() is true after push(\"a\")");
            s.push("b");
            s.push("c");
            Check.equal("c", s.pop(), FUNCTIONAL, "pop() after pushing a, b, c");
            s.push("d");
            Check.equal("d", s.pop(), FUNCTIONAL, "pop() after pushing d");
            Check.equal("b", s.pop(), FUNCTIONAL, "the next pop()");
            Check.equal("a", s.pop(), FUNCTIONAL, "the next pop()");
            Check.that(s.isEmpty(), FUNCTIONAL, "isEmpty() is false once every item was popped");
            Check.equal(null, s.pop(), FUNCTIONAL, "pop() once every item was popped");
            s.push("a");
            Check.equal("a", s.pop(), FUNCTIONAL, "pop() after pushing a again");
            return null;
        });
    }

    @Test
    @DisplayName("push(null) throws NullPointerException and leaves the stack as it was")
    @Checks(rules = "R2", verdicts = {FUNCTIONAL, HANG}, bound = "3 s")
    void nullItem() throws Exception {
        Await.call("null-item", Duration.ofSeconds(3), () -> {
            LockFreeStack<String> s = new LockFreeStack<>();
            s.push("a");
            try {
                s.push(null);
                throw new VerdictFailure(FUNCTIONAL, "push(null) did not throw NullPointerException");
            } catch (NullPointerException expected) {
                // right
            }
            Check.equal("a", s.pop(), FUNCTIONAL, "pop() after push(\"a\") and a refused push(null)");
            Check.equal(null, s.pop(), FUNCTIONAL, "the next pop()");
            return null;
        });
    }

    @Test
    @DisplayName("4 threads push and pop at once: every item popped exactly once, pop never empty-handed (many perturbed rounds)")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "20 rounds, 4 s each")
    void everyItemOnce() throws Exception {
        int threads = 4;
        int each = 500;
        Stress.rounds(20, round -> {
            LockFreeStack<Integer> s = new LockFreeStack<>();
            AtomicIntegerArray seen = new AtomicIntegerArray(threads * each);
            AtomicInteger emptyHanded = new AtomicInteger();
            parallel("pusher-popper", threads, Duration.ofSeconds(4), t -> {
                for (int i = 0; i < each; i++) {
                    s.push(t * each + i);
                    // This thread's push came first, so the stack cannot be empty now.
                    Integer got = s.pop();
                    if (got == null) {
                        emptyHanded.incrementAndGet();
                    } else {
                        seen.incrementAndGet(got);
                    }
                }
            });
            List<Integer> left = new ArrayList<>();
            for (Integer got = s.pop(); got != null && left.size() <= threads * each; got = s.pop()) {
                left.add(got);
                seen.incrementAndGet(got);
            }
            int lost = 0;
            int twice = 0;
            for (int i = 0; i < seen.length(); i++) {
                lost += seen.get(i) == 0 ? 1 : 0;
                twice += seen.get(i) > 1 ? 1 : 0;
            }
            String problem = (lost > 0 ? lost + " items were never popped (a push lost); " : "")
                    + (twice > 0 ? twice + " items were popped twice; " : "")
                    + (emptyHanded.get() > 0 ? emptyHanded.get() + " pops returned null although the popping thread's own push came before; " : "");
            Check.concurrent(problem.isEmpty(), LockFreeStackPublicTest::rightInOneThread, problem
                    + "4 threads each pushed 500 items, popping one after each push, in round " + round
                    + " (a read of the top and its update that are not one atomic step?)");
        });
    }


    /**
     * {@code Stress.parallel} whose thrown exception is a {@code race} only when the same work done by
     * one thread works: a method that throws in one thread too (a skeleton's TODO) is {@code functional}.
     */
    public static void parallel(String name, int n, Duration timeout, Stress.Worker body) throws InterruptedException {
        try {
            Stress.parallel(name, n, timeout, RACE, body);
        } catch (VerdictFailure f) {
            if (f.verdict() != RACE) {
                throw f;
            }
            Check.concurrent(false, () -> {
                try {
                    return rightInOneThread();
                } catch (RuntimeException | Error e) {
                    return false;
                }
            }, f.getMessage());
        }
    }

    /** The work of the concurrent tests done by one thread: items come back newest first, each once. */
    public static boolean rightInOneThread() {
        LockFreeStack<Integer> one = new LockFreeStack<>();
        for (int i = 0; i < 100; i++) {
            one.push(i);
            if (i % 3 == 0 && !Integer.valueOf(i).equals(one.pop())) {
                return false;
            }
        }
        for (int i = 99; i >= 0; i--) {
            if (i % 3 != 0 && !Integer.valueOf(i).equals(one.pop())) {
                return false;
            }
        }
        return one.pop() == null && one.isEmpty();
    }
}
