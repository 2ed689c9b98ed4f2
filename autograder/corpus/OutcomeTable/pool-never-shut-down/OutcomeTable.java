// expect: resources
// Bug: a fixed pool like ok-barrier-fixed-pool's, never shut down: its idle threads outlive run, forever (R7).
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
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
        int n = all.size();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            Map<R, Long> counts = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                S state = setup.get();
                CyclicBarrier gate = new CyclicBarrier(n);   // each task holds its thread until all n have one
                Semaphore ended = new Semaphore(0);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                List<Future<?>> tasks = new ArrayList<>();
                for (Consumer<S> actor : all) {
                    tasks.add(pool.submit(() -> {
                        try {
                            gate.await();
                            actor.accept(state);
                            ended.release();
                        } catch (InterruptedException | BrokenBarrierException e) {
                            ended.release();
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                            ended.release(n);          // wakes the caller at once
                        }
                    }));
                }
                boolean all_ended;
                try {
                    all_ended = ended.tryAcquire(n, roundTimeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    tasks.forEach(t -> t.cancel(true));
                    throw e;
                }
                if (failure.get() != null) {
                    tasks.forEach(t -> t.cancel(true));
                    throw new ExecutionException(failure.get());
                }
                if (!all_ended) {
                    tasks.forEach(t -> t.cancel(true));
                    throw new TimeoutException("round " + r);
                }
                for (Future<?> t : tasks) {
                    try {
                        t.get();                          // the task's end happens-before the arbiter
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                }
                counts.merge(arbiter.apply(state), 1L, Long::sum);
            }
            return counts;
        } finally {
            // (the pool is never shut down)
        }
    }
}
