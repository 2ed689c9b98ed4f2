package racecourse.instructor.suites;

import exercises.LockFreeStack;
import exercises.tests.LockFreeStackPublicTest;
import static exercises.tests.LockFreeStackPublicTest.parallel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Bytecode;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Perturb;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;

class LockFreeStackHiddenTest {
    @Test
    @DisplayName("4 threads push at once, then one thread pops: each thread's items come out newest first, none lost")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "12 rounds, 4 s each")
    void eachThreadsPushesInOrder() throws Exception {
        int threads = 4;
        int each = 500;
        Stress.rounds(12, round -> {
            LockFreeStack<Integer> s = new LockFreeStack<>();
            parallel("pusher", threads, Duration.ofSeconds(4), t -> {
                for (int i = 0; i < each; i++) {
                    s.push(t * each + i);
                }
            });
            // The pushes of one thread take effect in its program order, so the stack holds them
            // newest first, whatever the other threads' pushes in between.
            int[] next = new int[threads];
            java.util.Arrays.fill(next, each - 1);
            int popped = 0;
            String problem = null;
            for (Integer got = s.pop(); got != null && popped <= threads * each; got = s.pop()) {
                popped++;
                int t = got / each;
                if (got < 0 || t >= threads || got % each != next[t]) {
                    problem = "popped " + got + " where thread " + Math.max(0, Math.min(threads - 1, t)) + "'s next newest item was "
                            + (t >= 0 && t < threads ? t * each + next[t] : "another") + " (lost, duplicated or reordered)";
                    break;
                }
                next[t]--;
            }
            if (problem == null && popped != threads * each) {
                problem = popped + " items came back, " + threads * each + " were pushed";
            }
            Check.concurrent(problem == null, LockFreeStackPublicTest::rightInOneThread,
                    "4 threads each pushed 500 items at once, then one thread popped them all, in round " + round + ": " + problem);
        });
    }

    @Test
    @DisplayName("2 threads push while 2 others pop: no item lost or popped twice")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "12 rounds, 4 s each")
    void pushersAndPoppers() throws Exception {
        int each = 500;
        Stress.rounds(12, round -> {
            LockFreeStack<Integer> s = new LockFreeStack<>();
            AtomicIntegerArray seen = new AtomicIntegerArray(2 * each);
            CountDownLatch pushed = new CountDownLatch(2);
            parallel("pusher-or-popper", 4, Duration.ofSeconds(4), t -> {
                if (t < 2) {
                    for (int i = 0; i < each; i++) {
                        s.push(t * each + i);
                    }
                    pushed.countDown();
                    return;
                }
                while (true) {
                    boolean pushersDone = pushed.getCount() == 0;
                    Integer got = s.pop();
                    if (got != null) {
                        if (got >= 0 && got < 2 * each) {
                            seen.incrementAndGet(got);
                        }
                    } else if (pushersDone) {
                        return;      // empty after every push had returned: nothing more will come
                    }
                }
            });
            int lost = 0;
            int twice = 0;
            for (int i = 0; i < seen.length(); i++) {
                lost += seen.get(i) == 0 ? 1 : 0;
                twice += seen.get(i) > 1 ? 1 : 0;
            }
            Check.concurrent(lost == 0 && twice == 0, LockFreeStackPublicTest::rightInOneThread,
                    "2 threads pushed 500 items each while 2 threads popped, in round " + round + ": " + lost
                            + " items were never popped, " + twice + " were popped more than once");
        });
    }

    @Test
    @DisplayName("a thread stopped in the middle of push or pop does not stop 3 others (lock-free)")
    @Checks(rules = "R4", verdicts = {FUNCTIONAL, HANG, RACE}, bound = "8 stops; the others get 2 s each")
    void stalledThreadBlocksNobody() throws Exception {
        for (int nth = 1; nth <= 8; nth++) {
            stallAt(nth);
        }
    }

    /** Stops a thread at its nth perturbation point (inside push or pop) and runs 3 others meanwhile. */
    private static void stallAt(int nth) throws Exception {
        LockFreeStack<Integer> s = new LockFreeStack<>();
        int others = 3;
        int each = 200;
        int victimOps = 20;
        for (int i = 0; i < 50; i++) {
            s.push(-1 - i);
        }
        Collection<Integer> popped = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread victim = Thread.ofPlatform().name("stalled").daemon().unstarted(() -> {
            try {
                for (int i = 0; i < victimOps; i++) {
                    s.push(100_000 + i);
                    Integer got = s.pop();
                    if (got != null) {
                        popped.add(got);
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        Perturb.Stall stall = Perturb.stall(victim, nth);
        List<Thread> crowd = new ArrayList<>();
        try {
            victim.start();
            if (!stall.reached(Duration.ofSeconds(2))) {
                if (victim.isAlive()) {
                    throw new VerdictFailure(HANG, "a thread making " + victimOps + " pushes and pops did not get through "
                            + "them in 2 s, with no other thread using the stack");
                }
                if (!failures.isEmpty()) {
                    throw Stress.asVerdict(failures.peek(), FUNCTIONAL, "stalled");
                }
                return;              // all its work took fewer steps than nth: nothing to stall
            }
            CountDownLatch done = new CountDownLatch(others);
            for (int t = 0; t < others; t++) {
                int first = t * each;
                crowd.add(Thread.ofPlatform().name("other-" + t).daemon().start(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            s.push(first + i);
                            Integer got = s.pop();
                            if (got != null) {
                                popped.add(got);
                            }
                        }
                        done.countDown();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            if (!done.await(2, TimeUnit.SECONDS) && failures.isEmpty()) {
                stall.release();
                boolean thenDone = done.await(3, TimeUnit.SECONDS);
                throw new VerdictFailure(HANG, "while one thread was stopped in the middle of push or pop (at its step "
                        + nth + "), 3 other threads could not finish " + each + " pushes and pops each in 2 s"
                        + (thenDone ? "; they finished as soon as it went on" : "")
                        + ": the stack is not lock-free (does a thread hold a lock, or a flag others spin on, across its update?)");
            }
        } finally {
            stall.release();
        }
        if (!failures.isEmpty()) {
            throw Stress.asVerdict(failures.peek(), FUNCTIONAL, "other");
        }
        List<Thread> all = new ArrayList<>(crowd);
        all.add(victim);
        Await.join("the threads after the stall", Duration.ofSeconds(3), all);
        for (Integer got = s.pop(); got != null && popped.size() < 10_000; got = s.pop()) {
            popped.add(got);
        }
        List<Integer> pushed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pushed.add(-1 - i);
        }
        for (int i = 0; i < victimOps; i++) {
            pushed.add(100_000 + i);
        }
        for (int i = 0; i < others * each; i++) {
            pushed.add(i);
        }
        List<Integer> got = new ArrayList<>(popped);
        java.util.Collections.sort(pushed);
        java.util.Collections.sort(got);
        Check.concurrent(pushed.equals(got), LockFreeStackPublicTest::rightInOneThread, "after one thread was stopped "
                + "in the middle of push or pop (at its step " + nth + ") while 3 others pushed and popped, "
                + got.size() + " items came back of the " + pushed.size() + " pushed, not each exactly once");
    }

    @Test
    @DisplayName("uses no lock, monitor, blocking call or ready-made concurrent collection (class file check)")
    @Checks(rules = "R5", verdicts = FUNCTIONAL, bound = "none (reads the class file)")
    void noLocksNoBlocking() {
        Bytecode code = Bytecode.of(LockFreeStack.class, () -> {
            LockFreeStack<String> s = new LockFreeStack<>();
            s.push("a");
            s.pop();
            s.isEmpty();
        });
        for (String m : code.monitors()) {
            Check.fail(FUNCTIONAL, "has a " + m + ": a lock-free stack takes no lock; change the top with compare-and-set");
        }
        for (String c : code.referencedClasses()) {
            boolean concurrent = c.startsWith("java.util.concurrent.") && !c.startsWith("java.util.concurrent.atomic.")
                    && !c.equals("java.util.concurrent.ThreadLocalRandom");
            Check.that(!concurrent && !Set.of("java.util.Vector", "java.util.Stack", "java.util.Hashtable").contains(c), FUNCTIONAL,
                    "uses " + c + ": a lock-free stack uses the atomics of java.util.concurrent.atomic (or a VarHandle) only, "
                            + "no lock, blocking synchronizer or ready-made concurrent or synchronized collection");
        }
        code.calls().forEach((call, where) -> Check.that(!(call.endsWith(".wait") || call.startsWith("java.util.Collections.synchronized")
                || Set.of("java.lang.Thread.sleep", "java.lang.Thread.join").contains(call)), FUNCTIONAL,
                "calls " + call + " (" + where + "): a lock-free stack never blocks; a failed compare-and-set retries at once"));
    }

    @Test
    @DisplayName("isEmpty() reads the top with synchronization (class file check)")
    @Checks(rules = "R6", verdicts = {FUNCTIONAL, RACE}, bound = "none (reads the class file)")
    void isEmptyReadsWithSynchronization() {
        List<String> reads = Bytecode.of(LockFreeStack.class, () -> new LockFreeStack<String>().isEmpty())
                .unsynchronizedReads("isEmpty", "()Z");
        Check.that(reads.isEmpty(), RACE, "isEmpty() reads " + String.join(", ", reads) + ", which push and pop change, "
                + "without synchronization (a plain read, not volatile, acquire or an atomic's get): a thread that polls "
                + "isEmpty() may never see other threads' pushes");
    }

    @Test
    @DisplayName("an interrupted thread's pushes and pops work and it keeps its interrupt status")
    @Checks(rules = "R7", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s")
    void interruptedCallerWorks() throws Exception {
        LockFreeStack<Integer> s = new LockFreeStack<>();
        AtomicBoolean cleared = new AtomicBoolean();
        String problem = Await.call("interrupted-caller", Duration.ofSeconds(2), () -> {
            Thread.currentThread().interrupt();
            for (int i = 0; i < 100; i++) {
                s.push(i);
            }
            for (int i = 99; i >= 50; i--) {
                Integer got = s.pop();
                if (got == null || got != i) {
                    return "an interrupted thread pushed 0..99, and its pop returned " + got + " instead of " + i;
                }
            }
            boolean empty = s.isEmpty();
            cleared.set(!Thread.currentThread().isInterrupted());
            return empty ? "isEmpty() is true with 50 items in the stack (in an interrupted thread)" : null;
        });
        Check.that(!cleared.get(), FUNCTIONAL, "push, pop or isEmpty cleared the caller's interrupt status");
        Check.that(problem == null, FUNCTIONAL, problem);
    }
}
