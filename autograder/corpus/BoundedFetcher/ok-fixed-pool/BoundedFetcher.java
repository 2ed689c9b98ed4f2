// expect: pass
// Style: a fixed pool of maxConcurrent platform threads and an ExecutorCompletionService (tasks queue in list order); shutdownNow and awaitTermination in a finally.
package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
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
        long deadline = System.nanoTime() + Math.min(timeout.toMillis(), Long.MAX_VALUE / 4_000_000) * 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrent, tasks.size()));
        try {
            CompletionService<T> done = new ExecutorCompletionService<>(pool);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                futures.add(done.submit(task::call));
            }
            for (int i = 0; i < tasks.size(); i++) {
                Future<T> f = done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new TimeoutException("timed out after " + timeout);
                }
                f.get();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
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
