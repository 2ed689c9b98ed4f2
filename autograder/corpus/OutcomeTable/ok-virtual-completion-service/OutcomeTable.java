// expect: pass
// Style: a virtual-thread executor per round, a CountDownLatch start gate, an ExecutorCompletionService for the first news; cancel(true) and close() to stop the rest.
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
            round(state, all, roundTimeout);
            counts.merge(arbiter.apply(state), 1L, Long::sum);
        }
        return counts;
    }

    private static <S> void round(S state, List<Consumer<S>> actors, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        // close() waits for every task: after a cancel(true) they end when interrupted.
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Void> done = new ExecutorCompletionService<>(pool);
            boolean finished = false;
            try {
                for (Consumer<S> actor : actors) {
                    futures.add(done.submit(() -> {
                        gate.await();
                        actor.accept(state);
                        return null;
                    }));
                }
                gate.countDown();
                long deadline = System.nanoTime() + timeout.toNanos();
                for (int i = 0; i < actors.size(); i++) {
                    Future<Void> f = done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (f == null) {
                        throw new TimeoutException("round took longer than " + timeout);
                    }
                    try {
                        f.get();
                    } catch (CancellationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                finished = true;
            } finally {
                if (!finished) {
                    futures.forEach(f -> f.cancel(true));
                }
            }
        }
    }
}
