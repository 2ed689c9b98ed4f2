package racecourse.instructor.suites;

import exercises.OutcomeTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.VerdictFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;

// Counts the whole process's threads, so no other test may run beside it.
@Isolated
class OutcomeTableHiddenTest {
    @Test
    @DisplayName("8 actors over 30 rounds: each once per round, in 8 different threads; the counts sum to 30")
    @Checks(rules = {"R1"}, verdicts = {FUNCTIONAL, HANG}, bound = "10 s")
    void manyActors() throws Exception {
        int actors = 8;
        record Round(AtomicInteger[] runs, Set<Thread> threads) {
        }
        List<Consumer<Round>> list = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            int me = i;
            list.add(r -> {
                r.runs()[me].incrementAndGet();
                r.threads().add(Thread.currentThread());
            });
        }
        List<Round> made = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> got = Await.call("run", Duration.ofSeconds(10), () -> OutcomeTable.run(30, () -> {
            AtomicInteger[] runs = new AtomicInteger[actors];
            for (int i = 0; i < actors; i++) {
                runs[i] = new AtomicInteger();
            }
            Round r = new Round(runs, Collections.newSetFromMap(new ConcurrentHashMap<>()));
            made.add(r);
            return r;
        }, list, r -> "done", Duration.ofSeconds(5)));
        Check.equal(Map.of("done", 30L), got, FUNCTIONAL, "outcomes of 30 rounds whose arbiter always says done");
        Check.equal(30, made.size(), FUNCTIONAL, "calls of setup for 30 rounds");
        // Read once run has returned (its threads ended): an arbiter applied too early is R3's business.
        for (Round r : made) {
            StringBuilder runs = new StringBuilder();
            for (AtomicInteger n : r.runs()) {
                runs.append(n.get());
            }
            Check.equal("runs 11111111 in 8 threads", "runs " + runs + " in " + r.threads().size() + " threads", FUNCTIONAL,
                    "how often each of 8 actors ran on a round's state, and in how many threads");
        }
    }

    @Test
    @DisplayName("an actor throwing in the third round: run throws with it as the cause, after two rounds, starting no fourth")
    @Checks(rules = {"R4"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s")
    void throwsInALaterRound() throws Exception {
        ArithmeticException boom = new ArithmeticException("round 2 fails on purpose");
        AtomicInteger setups = new AtomicInteger();
        Consumer<Integer> fine = round -> {
        };
        Consumer<Integer> failsInRound2 = round -> {
            if (round == 2) {
                throw boom;
            }
        };
        Throwable thrown;
        try {
            Await.call("run", Duration.ofSeconds(5), () -> OutcomeTable.run(6, setups::getAndIncrement,
                    List.of(fine, failsInRound2, fine), round -> round, Duration.ofSeconds(5)));
            thrown = null;
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            thrown = e;
        }
        Check.that(thrown instanceof ExecutionException && thrown.getCause() == boom, FUNCTIONAL, "an actor threw " + boom
                + " in the third round; run " + (thrown == null ? "returned normally" : "threw " + thrown + " (cause "
                + thrown.getCause() + ")") + " instead of an ExecutionException with that exception as its cause");
        Check.equal(3, setups.get(), FUNCTIONAL, "rounds started (none after the one whose actor threw)");
    }

    @Test
    @DisplayName("a timeout in the second round, after a normal first one: TimeoutException, no thread left behind")
    @Checks(rules = {"R5"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "roundTimeout 1 s, 4 s to throw; then 1 s for the threads to end")
    void timeoutInALaterRound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger setups = new AtomicInteger();
        Consumer<Integer> stuckInRound1 = round -> {
            if (round == 1) {
                try {
                    release.await(10, TimeUnit.SECONDS);   // ends when interrupted
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Set<Thread> before = Threads.live();
        try {
            Throwable thrown;
            try {
                Await.call("run", Duration.ofSeconds(4), () -> OutcomeTable.run(3, setups::getAndIncrement,
                        List.of(stuckInRound1, stuckInRound1), round -> round, Duration.ofSeconds(1)));
                thrown = null;
            } catch (VerdictFailure f) {
                throw f;
            } catch (Exception e) {
                thrown = e;
            }
            Check.that(thrown instanceof TimeoutException, FUNCTIONAL, "the second round's actors waited 10 s with "
                    + "roundTimeout 1 s: run " + (thrown == null ? "returned normally" : "threw " + thrown)
                    + " instead of throwing TimeoutException");
            Check.equal(2, setups.get(), FUNCTIONAL, "rounds started (none after the one that timed out)");
            List<Thread> suspects = Threads.startedSince(before).stream().filter(t -> !t.getName().equals("run")).toList();
            List<Thread> left = Threads.aliveAfter(suspects, Duration.ofSeconds(1));
            Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by run were still alive 1 s after its "
                    + "TimeoutException: " + left);
        } finally {
            release.countDown();
        }
    }
}
