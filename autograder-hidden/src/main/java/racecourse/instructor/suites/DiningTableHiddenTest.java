package racecourse.instructor.suites;

import exercises.DiningTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static racecourse.results.Verdict.DEADLOCK;
import static racecourse.results.Verdict.EXCLUSION;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.SERIALIZED;

class DiningTableHiddenTest {
    @Test
    @DisplayName("two philosophers who are not neighbours eat at the same time")
    @Checks(rules = "R4", verdicts = {SERIALIZED, DEADLOCK, HANG}, bound = "3 rounds, 1.5 s to meet, 5 s per dine")
    void nonNeighboursTogether() throws Exception {
        for (int round = 0; round < 3; round++) {
            DiningTable t = new DiningTable(5);
            CyclicBarrier together = new CyclicBarrier(2);
            boolean[] met = new boolean[2];
            Await.Call<Void> a = Await.start("philosopher-0", () -> {
                t.dine(0, () -> met[0] = meet(together));
                return null;
            });
            Await.Call<Void> b = Await.start("philosopher-2", () -> {
                t.dine(2, () -> met[1] = meet(together));
                return null;
            });
            a.get(Duration.ofSeconds(5));
            b.get(Duration.ofSeconds(5));
            Check.that(met[0] && met[1], SERIALIZED, "philosophers 0 and 2 share no fork but could not eat at the same "
                    + "time: one waited outside while the other ate (one lock for the whole table?)");
        }
    }

    private static boolean meet(CyclicBarrier b) {
        try {
            b.await(1500, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | java.util.concurrent.BrokenBarrierException | InterruptedException e) {
            return false;
        }
    }

    @Test
    @DisplayName("a philosopher interrupted while waiting for a fork throws InterruptedException, holding no fork")
    @Checks(rules = "R5", verdicts = {EXCLUSION, FUNCTIONAL, DEADLOCK, HANG}, bound = "2 s per wait")
    void interruptedPhilosopherHoldsNoFork() throws Exception {
        // Philosopher 1 (forks 1 and 2) waits while a neighbour eats: behind philosopher 2 it may
        // already hold fork 1, behind philosopher 0 fork 2, depending on the order it takes them.
        // Once it was interrupted and the neighbour has eaten, the philosopher on its other side
        // must be able to eat. (Only then: whether non-neighbours eat together is another rule.)
        interruptedWhileNeighbourEats(4, 2, 0);
        interruptedWhileNeighbourEats(4, 0, 2);
    }

    private static void interruptedWhileNeighbourEats(int seats, int eater, int other) throws Exception {
        Duration wait = Duration.ofSeconds(2);
        DiningTable t = new DiningTable(seats);
        CountDownLatch eating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Await.Call<Void> eats = Await.start("philosopher-" + eater, () -> {
            t.dine(eater, () -> {
                eating.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        Check.that(eating.await(2, TimeUnit.SECONDS), FUNCTIONAL, "philosopher " + eater + " alone at the table did not eat within 2 s");
        AtomicBoolean ate = new AtomicBoolean();
        Await.Call<Void> interrupted = Await.start("philosopher-1", () -> {
            t.dine(1, () -> ate.set(true));
            return null;
        });
        Check.that(Await.blocked(interrupted.thread(), wait) && !interrupted.isDone(), EXCLUSION,
                "philosopher 1 did not wait while its neighbour " + eater + " was eating");
        Await.interruptThrows(interrupted, "dine(1, ...) (waiting for a fork while philosopher " + eater + " eats)", wait);
        Check.that(!ate.get(), FUNCTIONAL, "philosopher 1 ate although its dine was interrupted and threw");
        finish.countDown();
        eats.get(wait);
        Await.Call<Void> next = Await.start("philosopher-" + other, () -> {
            t.dine(other, () -> { });
            return null;
        });
        if (!next.await(wait)) {
            next.thread().interrupt();
            // The fork is never put down, so its other user waits forever: a hang, as for forks
            // kept after eat throws.
            throw new VerdictFailure(HANG, "philosopher " + other + " could not eat within 2 s at a table where nobody "
                    + "else eats: philosopher 1 still holds the fork they share after its dine was interrupted");
        }
        next.get(wait);
        Await.call("philosopher-1-again", wait, () -> {
            t.dine(1, () -> { });
            return null;
        });
    }

    @Test
    @DisplayName("rejects fewer than 2 seats, a seat off the table and a null meal")
    @Checks(rules = "R6", verdicts = FUNCTIONAL, bound = "20 s")
    void rejectsBadArguments() throws Exception {
        expect(IllegalArgumentException.class, "new DiningTable(1)", () -> new DiningTable(1));
        DiningTable t = new DiningTable(3);
        expect(IllegalArgumentException.class, "dine(-1, ...)", () -> t.dine(-1, () -> { }));
        expect(IllegalArgumentException.class, "dine(3, ...) at a table of 3", () -> t.dine(3, () -> { }));
        expect(NullPointerException.class, "dine(0, null)", () -> t.dine(0, null));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void expect(Class<? extends Exception> type, String what, Call call) throws Exception {
        try {
            call.run();
        } catch (Exception e) {
            if (type.isInstance(e)) {
                return;
            }
            throw new VerdictFailure(FUNCTIONAL, what + " threw " + e + ", not " + type.getSimpleName(), e);
        }
        throw new VerdictFailure(FUNCTIONAL, what + " did not throw " + type.getSimpleName());
    }
}
