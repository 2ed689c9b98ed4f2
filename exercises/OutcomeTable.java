// Generated from solutions/src/main/java/exercises/OutcomeTable.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/OutcomeTable.md.

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
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    // TODO
}
