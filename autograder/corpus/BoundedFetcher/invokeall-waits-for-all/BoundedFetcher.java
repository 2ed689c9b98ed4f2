// expect: functional
// Bug: invokeAll with the timeout on a fixed pool: it cancels on timeout, but after a failure it waits for every other task (or the timeout) before reporting it.
package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public final class BoundedFetcher {
    private BoundedFetcher() {
    }

    public static <T> List<T> fetchAll(List<? extends Callable<? extends T>> tasks, int maxConcurrent, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(tasks, "tasks");
        for (Callable<? extends T> task : tasks) {
            Objects.requireNonNull(task, "a task is null");
        }
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
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                calls.add(task::call);
            }
            List<Future<T>> futures = pool.invokeAll(calls, timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                if (f.isCancelled()) {
                    throw new TimeoutException("timed out after " + timeout);
                }
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
