// expect: functional
// Bug: an actor's exception is caught and dropped: the round counts as if it had returned (R4).
package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A harness in the style of jcstress: runs a small concurrent test many times and counts its
 * outcomes. Each round makes a fresh state, runs every actor on it at the same time, each in its
 * own thread, and once all of them have finished asks the arbiter what the round's outcome was.
 * One passing run proves nothing about concurrent code; a table of outcomes over many rounds shows
 * which interleavings happen and how often.
 */
public final class OutcomeTable {
    private OutcomeTable() {
    }

    /**
     * Runs {@code rounds} rounds and counts each outcome the arbiter gives, in the order the
     * outcomes first appeared.
     *
     * @param rounds how many rounds, at least 1
     * @param setup makes each round's fresh state
     * @param actors run once per round each, at the same time, each in its own thread; at least one
     * @param arbiter the outcome of a round, from its state once every actor has finished
     * @param roundTimeout the longest a round's actors may take, positive
     * @return outcome to how many rounds gave it, iterating in the order of first appearance
     * @throws NullPointerException if an argument or an actor is null
     * @throws IllegalArgumentException if {@code rounds < 1}, {@code actors} is empty or
     *     {@code roundTimeout} is not positive
     * @throws ExecutionException if an actor threw: its exception is the cause; no later round runs
     * @throws TimeoutException if a round's actors did not all finish within {@code roundTimeout}
     * @throws InterruptedException if the calling thread was interrupted while waiting for a round
     */
    public static <S, R> Map<R, Long> run(int rounds, Supplier<S> setup, List<Consumer<S>> actors,
            Function<S, R> arbiter, Duration roundTimeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(arbiter, "arbiter");
        Objects.requireNonNull(roundTimeout, "roundTimeout");
        List<Consumer<S>> all = List.copyOf(actors);   // NullPointerException for a null list or actor
        if (rounds < 1 || all.isEmpty() || roundTimeout.isNegative() || roundTimeout.isZero()) {
            throw new IllegalArgumentException("need rounds >= 1, at least one actor and a positive timeout; got "
                    + rounds + " rounds, " + all.size() + " actors, timeout " + roundTimeout);
        }
        // BEGIN SOLUTION (throw)
        Map<R, Long> counts = new LinkedHashMap<>();   // iterates in the order outcomes first appeared
        for (int r = 0; r < rounds; r++) {
            S state = setup.get();                     // a fresh state per round
            playRound(state, all, roundTimeout);
            // playRound returned after every actor thread ended: their writes are visible here.
            counts.merge(arbiter.apply(state), 1L, Long::sum);
        }
        return counts;
        // END SOLUTION
    }

    // BEGIN SOLUTION
    /** One round: every actor in its own platform thread, released together by a start gate. */
    private static <S> void playRound(S state, List<Consumer<S>> actors, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        // Each thread reports its end here: empty if its actor returned, else what it threw. The
        // caller waits for the first n reports instead of joining in order, so a failure anywhere
        // stops the round at once.
        BlockingQueue<Optional<Throwable>> ends = new LinkedBlockingQueue<>();
        // Starting a thread takes tens of microseconds, longer than a short actor: without a gate
        // the first actor would often be done before the last one starts, and the interleavings
        // worth counting would never happen.
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(actors.size());
        boolean ended = false;
        try {
            for (int i = 0; i < actors.size(); i++) {
                Consumer<S> actor = actors.get(i);
                threads.add(Thread.ofPlatform().name("actor-" + i).start(() -> {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        ends.add(Optional.empty());     // the round was stopped before it began
                        return;
                    }
                    try {
                        actor.accept(state);
                        ends.add(Optional.empty());
                    } catch (Throwable t) {
                        ends.add(Optional.empty());
                    }
                }));
            }
            gate.countDown();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < actors.size(); i++) {
                Optional<Throwable> end = ends.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (end == null) {
                    throw new TimeoutException("a round's actors took longer than " + timeout);
                }
                if (end.isPresent()) {
                    throw new ExecutionException("an actor threw", end.get());
                }
            }
            ended = true;
        } finally {
            if (!ended) {
                for (Thread t : threads) {
                    t.interrupt();   // timeout, failure or our caller's interrupt: stop the rest
                }
            }
            joinAll(threads);        // no thread of ours outlives the round
        }
    }

    /** Joins every thread; an interrupt meanwhile is kept as the caller's interrupt status. */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    t.interrupt();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
    // END SOLUTION
}
