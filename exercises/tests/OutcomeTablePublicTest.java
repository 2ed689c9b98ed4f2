package exercises.tests;

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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of OutcomeTable (the grader also runs hidden ones). */
// Counts the whole process's threads, so no other test may run beside it.
@Isolated
class OutcomeTablePublicTest {
    /** A round's state that records which thread ran each actor and how often. */
    static final class Ledger {
        final int index;
        final Thread[] ranIn;          // plain: read by the test after run returned (its threads ended)
        final AtomicInteger[] runs;

        Ledger(int index, int actors) {
            this.index = index;
            this.ranIn = new Thread[actors];
            this.runs = new AtomicInteger[actors];
            for (int i = 0; i < actors; i++) {
                runs[i] = new AtomicInteger();
            }
        }
    }

    @Test
    @DisplayName("rounds one after another, each with a fresh state; every actor once per round in a thread of its own; outcomes counted in order of first appearance")
    @Checks(rules = {"R1"}, verdicts = {FUNCTIONAL, HANG}, bound = "5 s")
    void roundsStatesThreadsAndCounts() throws Exception {
        String[] outcomes = {"b", "a", "b", "c", "a", "c", "b"};
        int actors = 3;
        AtomicReference<Thread> caller = new AtomicReference<>();
        AtomicInteger setups = new AtomicInteger();
        AtomicBoolean roundOpen = new AtomicBoolean();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        Set<Ledger> judged = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        List<Ledger> made = Collections.synchronizedList(new ArrayList<>());
        List<Consumer<Ledger>> list = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            int me = i;
            list.add(s -> {
                s.ranIn[me] = Thread.currentThread();
                s.runs[me].incrementAndGet();
            });
        }
        Map<String, Long> got = Await.call("run", Duration.ofSeconds(5), () -> {
            caller.set(Thread.currentThread());
            return OutcomeTable.run(outcomes.length, () -> {
                if (roundOpen.getAndSet(true)) {
                    wrong.add("setup was called for a new round before the previous round's arbiter ran");
                }
                Ledger l = new Ledger(setups.getAndIncrement(), actors);
                made.add(l);
                return l;
            }, list, s -> {
                roundOpen.set(false);
                if (!judged.add(s)) {
                    wrong.add("the arbiter was given round " + s.index + "'s state twice (one state for two rounds?)");
                }
                return s.index < outcomes.length ? outcomes[s.index] : "round " + s.index;
            }, Duration.ofSeconds(5));
        });
        // Read once run has returned (and so every actor has ended): an arbiter applied too early is R3's test.
        for (Ledger s : made) {
            for (int i = 0; i < actors; i++) {
                if (s.runs[i].get() != 1) {
                    wrong.add("actor " + i + " ran " + s.runs[i].get() + " times on round " + s.index + "'s state");
                } else if (s.ranIn[i] == caller.get()) {
                    wrong.add("actor " + i + " ran in the thread that called run, not in a thread of its own");
                }
                for (int j = 0; j < i; j++) {
                    if (s.ranIn[i] != null && s.ranIn[i] == s.ranIn[j]) {
                        wrong.add("actors " + j + " and " + i + " of round " + s.index + " ran in the same thread");
                    }
                }
            }
        }
        Check.that(wrong.isEmpty(), FUNCTIONAL, String.join("; ", new java.util.LinkedHashSet<>(wrong)));
        Check.equal(outcomes.length, setups.get(), FUNCTIONAL, "calls of setup for " + outcomes.length + " rounds");
        Check.equal(outcomes.length, judged.size(), FUNCTIONAL, "calls of the arbiter for " + outcomes.length + " rounds");
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String o : outcomes) {
            expected.merge(o, 1L, Long::sum);
        }
        Check.equal(expected, got, FUNCTIONAL, "the outcome counts of rounds whose outcomes were b a b c a c b");
        Check.equal(List.copyOf(expected.keySet()), List.copyOf(got.keySet()), FUNCTIONAL,
                "the order the outcomes iterate in (the order they first appeared)");
    }

    @Test
    @DisplayName("the actors of a round run at the same time")
    @Checks(rules = {"R2"}, verdicts = {FUNCTIONAL, HANG, SERIALIZED}, bound = "3 rounds of 3 actors, each actor waits at most 1.5 s for the others; 15 s in all")
    void actorsRunAtTheSameTime() throws Exception {
        int actors = 3;
        record Meeting(CountDownLatch all, AtomicInteger met) {
        }
        List<Consumer<Meeting>> list = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            list.add(m -> {
                m.all().countDown();
                try {
                    if (m.all().await(1500, TimeUnit.MILLISECONDS)) {
                        m.met().incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        List<Meeting> made = Collections.synchronizedList(new ArrayList<>());
        Await.call("run", Duration.ofSeconds(15), () -> OutcomeTable.run(3, () -> {
            Meeting m = new Meeting(new CountDownLatch(actors), new AtomicInteger());
            made.add(m);
            return m;
        }, list, m -> "done", Duration.ofSeconds(10)));
        // Read once run has returned: an arbiter applied too early is R3's test, a reused state R1's.
        List<Integer> met = made.stream().map(m -> m.met().get()).toList();
        Check.that(!met.isEmpty() && met.stream().allMatch(n -> n >= actors), SERIALIZED, "3 actors that each wait (at most "
                + "1.5 s) until all 3 have arrived did not all meet: in each round, " + met + " met. Start every actor of a "
                + "round before waiting for any of them (not one after another, nor joined one by one)");
    }

    @Test
    @DisplayName("the arbiter runs once every actor of its round has finished, and sees their writes")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG, RACE}, bound = "5 rounds, each actor waits at most 1 s for run to be waiting; 15 s in all")
    void arbiterAfterActors() throws Exception {
        int actors = 3;
        AtomicReference<Thread> caller = new AtomicReference<>();
        record Marks(int[] marks, AtomicInteger finished) {
        }
        List<Consumer<Marks>> list = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            int me = i;
            list.add(s -> {
                // Finish only once run is waiting for us (or after 1 s): an arbiter run before the
                // actors finished then finds them unfinished every time, not by luck.
                waitUntilWaiting(caller.get(), Duration.ofSeconds(1));
                s.marks()[me] = me + 1;               // a plain write
                s.finished().incrementAndGet();
            });
        }
        Map<String, Long> got = Await.call("run", Duration.ofSeconds(15), () -> {
            caller.set(Thread.currentThread());
            return OutcomeTable.run(5, () -> new Marks(new int[actors], new AtomicInteger()), list, s -> {
                int seen = 0;
                for (int i = 0; i < actors; i++) {
                    seen += s.marks()[i] == i + 1 ? 1 : 0;
                }
                return s.finished().get() >= actors && seen == actors ? "all finished"
                        : s.finished().get() + " of " + actors + " finished, " + seen + " writes seen";
            }, Duration.ofSeconds(10));
        });
        Check.that(got.equals(Map.of("all finished", 5L)), RACE, "the arbiter ran before every actor of its round had "
                + "finished (or did not see their writes): outcomes " + got + ". Wait for the actors' threads to end "
                + "(join) before applying the arbiter");
    }

    @Test
    @DisplayName("an actor that throws: ExecutionException with it as the cause, the other actors interrupted, no later round, no thread left behind")
    @Checks(rules = {"R4", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "10 s; the other actor waits at most 5 s; then 1 s for the threads to end")
    void actorThrows() throws Exception {
        IllegalStateException boom = new IllegalStateException("actor 0 fails on purpose");
        AtomicInteger setups = new AtomicInteger();
        AtomicBoolean waiterRan = new AtomicBoolean();
        AtomicBoolean waiterInterrupted = new AtomicBoolean();
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch waiterEnded = new CountDownLatch(1);
        List<Consumer<Integer>> list = List.of(round -> {
            if (round == 0) {
                throw boom;
            }
        }, round -> {
            if (round == 0) {
                waiterRan.set(true);
                try {
                    never.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    waiterInterrupted.set(true);
                } finally {
                    waiterEnded.countDown();
                }
            }
        });
        Set<Thread> before = Threads.live();
        Throwable thrown = outcomeOf(() -> OutcomeTable.run(3, setups::getAndIncrement, list, round -> "done",
                Duration.ofSeconds(20)), Duration.ofSeconds(10));
        Check.that(thrown != null, FUNCTIONAL, "run returned normally though an actor threw " + boom
                + " (its exception was swallowed)");
        Check.that(thrown instanceof ExecutionException, FUNCTIONAL, "run threw " + thrown
                + " when an actor threw; expected an ExecutionException whose cause is the actor's exception");
        Check.that(thrown.getCause() == boom, FUNCTIONAL, "run threw an ExecutionException whose cause is "
                + thrown.getCause() + ", not the actor's own exception " + boom);
        Check.equal(1, setups.get(), FUNCTIONAL, "rounds started (none after the round whose actor threw)");
        // run may throw once it has interrupted the other actor, before that actor has woken up (R7
        // gives its thread 1 s): wait for it to end, and it ends early only if it was interrupted.
        if (waiterRan.get()) {
            waiterEnded.await(6, TimeUnit.SECONDS);
        }
        Check.that(!waiterRan.get() || waiterInterrupted.get(), FUNCTIONAL, "the other actor of the round was not "
                + "interrupted: when an actor throws, interrupt the round's other actors instead of waiting for them");
        List<Thread> left = leftBehind(before);
        Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by run were still alive 1 s after it "
                + "threw: " + left);
    }

    @Test
    @DisplayName("a round still running after roundTimeout: TimeoutException, its actors interrupted, no thread left behind")
    @Checks(rules = {"R5", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "roundTimeout 200 ms, 3 s to throw; then 1 s for the threads to end")
    void roundTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger setups = new AtomicInteger();
        List<Consumer<Integer>> list = List.of(round -> {
        }, round -> {
            try {
                release.await(10, TimeUnit.SECONDS);   // ends when interrupted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Set<Thread> before = Threads.live();
        try {
            Throwable thrown = outcomeOf(() -> OutcomeTable.run(3, setups::getAndIncrement, list, round -> "done",
                    Duration.ofMillis(200)), Duration.ofSeconds(3));
            Check.that(thrown instanceof TimeoutException, FUNCTIONAL, "a round whose actor waited 10 s with roundTimeout "
                    + "200 ms: run " + (thrown == null ? "returned normally" : "threw " + thrown) + " instead of throwing TimeoutException");
            Check.equal(1, setups.get(), FUNCTIONAL, "rounds started (none after the round that timed out)");
            List<Thread> left = leftBehind(before);
            Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by run were still alive 1 s after its "
                    + "TimeoutException: interrupt the round's actors when it times out: " + left);
        } finally {
            release.countDown();
        }
    }

    @Test
    @DisplayName("the calling thread interrupted while run waits: InterruptedException, the actors interrupted, no thread left behind")
    @Checks(rules = {"R6", "R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "3 s for an actor to start, 2 s to throw; then 1 s for the threads to end")
    void callerInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Consumer<Integer> waiter = round -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);   // ends when interrupted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Set<Thread> before = Threads.live();
        AtomicInteger setups = new AtomicInteger();
        try {
            Await.Call<Map<String, Long>> call = Await.start("run", () -> OutcomeTable.run(1, setups::getAndIncrement,
                    List.of(waiter, waiter), round -> "done", Duration.ofSeconds(20)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (!started.await(10, TimeUnit.MILLISECONDS)) {
                if (call.isDone()) {
                    Throwable t = outcomeOf(() -> call.get(Duration.ZERO), Duration.ofSeconds(1));
                    throw new VerdictFailure(FUNCTIONAL, "run " + (t == null ? "returned normally" : "threw " + t)
                            + " before any of its actors had started");
                }
                if (System.nanoTime() > deadline) {
                    throw call.stuck(Duration.ofSeconds(3));
                }
            }
            Await.blocked(call.thread(), Duration.ofSeconds(1));
            Await.interruptThrows(call, "run, waiting for its round's actors,", Duration.ofSeconds(2));
        } finally {
            release.countDown();
        }
        List<Thread> left = leftBehind(before);
        Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by run were still alive 1 s after it "
                + "threw InterruptedException: interrupt the round's actors when you give up on them: " + left);
    }

    @Test
    @DisplayName("every thread run started has ended when it returns")
    @Checks(rules = {"R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s; then 1 s for the threads to end")
    void noThreadLeftBehind() throws Exception {
        Set<Thread> before = Threads.live();
        Consumer<AtomicInteger> add = AtomicInteger::incrementAndGet;
        Map<String, Long> got = Await.call("run", Duration.ofSeconds(5), () -> OutcomeTable.run(20, AtomicInteger::new,
                List.of(add, add, add, add), n -> "done", Duration.ofSeconds(5)));
        Check.equal(Map.of("done", 20L), got, FUNCTIONAL, "outcomes of 20 rounds whose arbiter always says done");
        List<Thread> left = leftBehind(before);
        Check.that(left.isEmpty(), RESOURCES, left.size() + " threads started by run were still alive 1 s after it "
                + "returned (a pool not shut down?): " + left);
    }

    @Test
    @DisplayName("null arguments are NullPointerExceptions; no rounds, no actors or a timeout that is not positive are IllegalArgumentExceptions")
    @Checks(rules = {"R8"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s per call")
    void badArguments() throws Exception {
        Consumer<Object> nothing = s -> {
        };
        Duration second = Duration.ofSeconds(1);
        expect(NullPointerException.class, "run with a null setup",
                () -> OutcomeTable.run(1, null, List.of(nothing), s -> 0, second));
        expect(NullPointerException.class, "run with null actors",
                () -> OutcomeTable.run(1, Object::new, null, s -> 0, second));
        expect(NullPointerException.class, "run with a null actor",
                () -> OutcomeTable.run(1, Object::new, java.util.Arrays.asList(nothing, null), s -> 0, second));
        expect(NullPointerException.class, "run with a null arbiter",
                () -> OutcomeTable.run(1, Object::new, List.of(nothing), null, second));
        expect(NullPointerException.class, "run with a null roundTimeout",
                () -> OutcomeTable.run(1, Object::new, List.of(nothing), s -> 0, null));
        expect(IllegalArgumentException.class, "run with 0 rounds",
                () -> OutcomeTable.run(0, Object::new, List.of(nothing), s -> 0, second));
        expect(IllegalArgumentException.class, "run with no actors",
                () -> OutcomeTable.run(1, Object::new, List.of(), s -> 0, second));
        expect(IllegalArgumentException.class, "run with roundTimeout 0",
                () -> OutcomeTable.run(1, Object::new, List.of(nothing), s -> 0, Duration.ZERO));
        expect(IllegalArgumentException.class, "run with a negative roundTimeout",
                () -> OutcomeTable.run(1, Object::new, List.of(nothing), s -> 0, Duration.ofMillis(-5)));
    }

    /** Waits (at most {@code cap}) until {@code t} is seen blocked, waiting or parked twice 5 ms apart. */
    static void waitUntilWaiting(Thread t, Duration cap) {
        long deadline = System.nanoTime() + cap.toNanos();
        int seen = 0;
        while (seen < 2 && System.nanoTime() < deadline) {
            Thread.State s = t == null ? Thread.State.RUNNABLE : t.getState();
            seen = s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED ? seen + 1 : 0;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    interface Body {
        Object run() throws Exception;
    }

    /** What {@code body}, run in its own thread, threw (null if it returned), waiting at most {@code bound}. */
    static Throwable outcomeOf(Body body, Duration bound) throws Exception {
        try {
            Await.call("run", bound, body::run);
            return null;
        } catch (VerdictFailure f) {
            throw f;
        } catch (Exception e) {
            return e;
        }
    }

    static void expect(Class<? extends Exception> type, String what, Body body) throws Exception {
        Throwable thrown = outcomeOf(body, Duration.ofSeconds(3));
        Check.that(thrown != null, FUNCTIONAL, what + " returned normally instead of throwing " + type.getSimpleName());
        Check.that(type.isInstance(thrown), FUNCTIONAL, what + " threw " + thrown + " instead of " + type.getSimpleName());
    }

    /** Threads started since {@code before} (other than the test's own "run") still alive after up to 1 s. */
    static List<Thread> leftBehind(Set<Thread> before) throws InterruptedException {
        List<Thread> suspects = Threads.startedSince(before).stream().filter(t -> !t.getName().equals("run")).toList();
        return Threads.aliveAfter(suspects, Duration.ofSeconds(1));
    }
}
