package racecourse.instructor.suites;

import exercises.SafeCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Bytecode;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.STARVATION;

class SafeCounterHiddenTest {
    @Test
    @DisplayName("get() never goes back and sees a thread's own increments while 3 others increment")
    @Checks(rules = {"R1", "R2"}, verdicts = {FUNCTIONAL, RACE, DEADLOCK, HANG}, bound = "12 rounds, 4 s each")
    void readsAreMonotonicAndSeeOwnWrites() throws Exception {
        Stress.rounds(12, round -> {
            SafeCounter c = new SafeCounter();
            AtomicLong problems = new AtomicLong();
            Stress.parallel("reader-writer", 4, Duration.ofSeconds(4), RACE, i -> {
                long last = 0;
                for (int k = 1; k <= 500; k++) {
                    c.increment();
                    long now = c.get();
                    if (now < last || now < k) {
                        problems.incrementAndGet();
                    }
                    last = now;
                }
            });
            Check.concurrent(problems.get() == 0, () -> {
                SafeCounter one = new SafeCounter();
                one.increment();
                return one.get() == 1;
            }, "get() went back or missed the caller's own increment "
                    + problems.get() + " times in round " + round);
            long got = c.get();
            Check.concurrent(got == 2000, () -> {
                SafeCounter one = new SafeCounter();
                for (int k = 0; k < 2000; k++) {
                    one.increment();
                }
                return one.get() == 2000;
            }, "the count after 4 threads made 500 increments each is " + got);
        });
    }

    @Test
    @DisplayName("get() reads the count with synchronization (class file check)")
    @Checks(rules = "R3", verdicts = {FUNCTIONAL, RACE}, bound = "none (reads the class file)")
    void getReadsWithSynchronization() {
        // A plain read has no happens-before edge from other threads' increments: the JIT may keep
        // it in a register, so a thread polling get() may never see them. No run shows this every
        // time (perturbation points stop the JIT from hoisting), the class file does.
        List<String> reads = Bytecode.of(SafeCounter.class, () -> new SafeCounter().get()).unsynchronizedReads("get", "()J");
        Check.that(reads.isEmpty(), RACE, "get() reads " + String.join(", ", reads) + ", which increment() changes, "
                + "without synchronization (not volatile, no lock held): a thread that polls get() may never see "
                + "other threads' increments");
    }

    @Test
    @DisplayName("get() returns while 3 threads increment without pause")
    @Checks(rules = "R4", verdicts = {STARVATION, DEADLOCK, HANG}, bound = "3 s, then 2 s once the increments stop")
    void getNotBlockedByIncrements() throws Exception {
        SafeCounter c = new SafeCounter();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong increments = new AtomicLong();
        List<Thread> crowd = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            crowd.add(Thread.ofPlatform().name("incrementer-" + i).daemon().start(() -> {
                while (!stop.get()) {
                    c.increment();
                    increments.incrementAndGet();
                }
            }));
        }
        Await.Call<Long> reader;
        long before;
        boolean done;
        try {
            Stress.pause(20);
            reader = Await.start("reader", () -> {
                long last = 0;
                for (int k = 0; k < 10; k++) {
                    last = c.get();
                }
                return last;
            });
            before = increments.get();
            done = reader.await(Duration.ofSeconds(3));
        } finally {
            stop.set(true);
        }
        long progressed = increments.get() - before;
        // Incrementers that cannot stop (a lock never released) are a hang, not a starved reader.
        Await.join("the incrementers", Duration.ofSeconds(3), crowd);
        if (!done) {
            // Starved: stuck while the increments went on, in once they stopped.
            if (progressed > 10 && reader.await(Duration.ofSeconds(2))) {
                throw new VerdictFailure(STARVATION, "10 calls of get() did not return within 3 s while the "
                        + "incrementers made " + progressed + " increments, and returned once they stopped");
            }
            throw reader.stuck(Duration.ofSeconds(5));
        }
        reader.get(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("an interrupted thread's increments count and it keeps its interrupt status")
    @Checks(rules = "R5", verdicts = {FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s")
    void interruptedCallerCounts() throws Exception {
        SafeCounter c = new SafeCounter();
        String problem = Await.call("interrupted-caller", Duration.ofSeconds(2), () -> {
            Thread.currentThread().interrupt();
            for (int k = 0; k < 100; k++) {
                c.increment();
            }
            long got = c.get();
            if (!Thread.currentThread().isInterrupted()) {
                return "increment() or get() cleared the caller's interrupt status";
            }
            return got == 100 ? null : "100 increments by an interrupted thread, but get() returned " + got;
        });
        Check.that(problem == null, FUNCTIONAL, problem);
    }
}
