// expect: serialized
// Bug: each actor's thread is started and joined before the next one is started: the actors of a round never run at the same time (R2).
package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

public final class OutcomeTable {
    private OutcomeTable() {
    }

    public static <S, R> Map<R, Long> run(int rounds, Supplier<S> setup, List<Consumer<S>> actors,
            Function<S, R> arbiter, Duration roundTimeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(arbiter, "arbiter");
        Objects.requireNonNull(roundTimeout, "roundTimeout");
        List<Consumer<S>> all = List.copyOf(actors);
        if (rounds < 1 || all.isEmpty() || roundTimeout.isNegative() || roundTimeout.isZero()) {
            throw new IllegalArgumentException("rounds " + rounds + ", " + all.size() + " actors, timeout " + roundTimeout);
        }
        Map<R, Long> counts = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            S state = setup.get();
            long deadline = System.nanoTime() + roundTimeout.toNanos();
            for (Consumer<S> actor : all) {
                Throwable[] failure = new Throwable[1];
                Thread t = Thread.ofPlatform().start(() -> {
                    try {
                        actor.accept(state);
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                });
                try {
                    t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    t.interrupt();
                    t.join();
                    throw e;
                }
                if (t.isAlive()) {
                    t.interrupt();
                    t.join();
                    throw new TimeoutException("round " + r);
                }
                if (failure[0] != null) {
                    throw new ExecutionException(failure[0]);
                }
            }
            counts.merge(arbiter.apply(state), 1L, Long::sum);
        }
        return counts;
    }
}
