// expect: pass
// Style: new platform threads per round and one Phaser: phase 0 is the start gate, phase 1 the round's end; a failing actor terminates the phaser to wake the caller.
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
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

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
            int n = all.size();
            Phaser phaser = new Phaser(n + 1);            // the actors and this thread
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (Consumer<S> actor : all) {
                threads.add(Thread.ofPlatform().start(() -> {
                    if (phaser.arriveAndAwaitAdvance() < 0) {
                        return;                          // terminated before the start
                    }
                    try {
                        actor.accept(state);
                        phaser.arrive();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        phaser.forceTermination();
                    }
                }));
            }
            boolean ok = false;
            try {
                phaser.arriveAndAwaitAdvance();           // the start gate
                int end = phaser.arrive();
                phaser.awaitAdvanceInterruptibly(end, roundTimeout.toNanos(), TimeUnit.NANOSECONDS);
                if (failure.get() != null) {
                    throw new ExecutionException(failure.get());
                }
                ok = true;
            } finally {
                if (!ok) {
                    phaser.forceTermination();
                    threads.forEach(Thread::interrupt);
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            counts.merge(arbiter.apply(state), 1L, Long::sum);
        }
        return counts;
    }
}
