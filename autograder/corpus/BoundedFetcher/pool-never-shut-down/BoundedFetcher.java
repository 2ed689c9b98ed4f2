// expect: resources
// Bug: a fixed pool that is shut down only when something went wrong: after a normal return its idle threads stay alive for good.
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
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<T>> futures = new ArrayList<>();
        boolean ok = false;
        try {
            java.util.concurrent.ExecutorCompletionService<T> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
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
            ok = true;
            return results;
        } finally {
            if (!ok) {
                pool.shutdownNow();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // the tests' tasks end when interrupted
                }
            }
        }
    }
}
