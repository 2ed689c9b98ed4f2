// expect: pass
// Style: CompletableFuture.supplyAsync on a fixed pool of maxConcurrent threads, allOf raced against a "first failure" future with anyOf; the pool shut down and awaited in a finally.
package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

public final class BoundedFetcher {
    private BoundedFetcher() {
    }

    public static <T> List<T> fetchAll(List<? extends Callable<? extends T>> tasks, int maxConcurrent, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(tasks, "tasks");
        tasks.forEach(t -> Objects.requireNonNull(t, "a task is null"));
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (tasks.isEmpty()) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrent, tasks.size()));
        AtomicReference<Exception> first = new AtomicReference<>();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        try {
            List<CompletableFuture<T>> all = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return task.call();
                    } catch (Exception e) {
                        if (first.compareAndSet(null, e)) {
                            failed.complete(null);
                        }
                        throw new CompletionException(e);
                    }
                }, pool));
            }
            CompletableFuture<Void> everyOne = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
            long millis = Math.min(timeout.toMillis(), Long.MAX_VALUE / 2_000_000);
            try {
                CompletableFuture.anyOf(everyOne, failed).get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // a failure; reported from `first` below
            }
            if (first.get() != null) {
                throw new ExecutionException(first.get());
            }
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> f : all) {
                results.add(f.join());
            }
            return results;
        } finally {
            pool.shutdownNow();     // interrupts the running tasks (CompletableFuture.cancel would not)
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
