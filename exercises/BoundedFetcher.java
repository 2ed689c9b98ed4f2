// Generated from solutions/src/main/java/exercises/BoundedFetcher.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/BoundedFetcher.md.

package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a list of tasks (say, fetches from a server) with at most a given number running at once,
 * and returns their results in the order of the list; on a timeout, the first failure or an
 * interrupt of the caller it cancels cleanly: every running task is interrupted, no further task
 * starts, and none is still running when it returns.
 *
 * <p>Notebook 09 (tasks, futures and cancellation); cancellation as interruption is Goetz et al.,
 * <i>Java Concurrency in Practice</i>, chapter 7.
 */
public final class BoundedFetcher {
    private BoundedFetcher() {
    }

    /**
     * The results of {@code tasks}, in their order, running at most {@code maxConcurrent} of them at
     * once, started in list order.
     *
     * @throws NullPointerException if {@code tasks}, one of its tasks, or {@code timeout} is null
     * @throws IllegalArgumentException if {@code maxConcurrent < 1} or {@code timeout} is not positive
     * @throws ExecutionException the first task to fail, its exception as the cause
     * @throws TimeoutException if not every task finished within {@code timeout} of the call
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
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
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
    // TODO
}
