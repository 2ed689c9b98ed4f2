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
        // BEGIN SOLUTION (throw)
        long start = System.nanoTime();
        long budget = saturatedNanos(timeout);
        // One virtual thread per running task: cheap, so the bound is the semaphore's, not a pool's.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(maxConcurrent);
        // Each task, once ended (value, exception or cancelled), frees its slot and then queues
        // itself here: the caller waits on this queue, so it hears of the first failure at once,
        // whichever task it is, instead of waiting for the tasks in list order.
        BlockingQueue<Future<T>> ended = new LinkedBlockingQueue<>();
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            int next = 0;
            for (int done = 0; done < tasks.size(); done++) {
                while (next < tasks.size() && slots.tryAcquire()) {
                    FutureTask<T> f = new FutureTask<>(tasks.get(next++)::call) {
                        @Override
                        protected void done() {
                            slots.release();
                            ended.add(this);
                        }
                    };
                    futures.add(f);
                    threads.execute(f);
                }
                long left = budget - (System.nanoTime() - start);
                Future<T> f = left > 0 ? ended.poll(left, TimeUnit.NANOSECONDS) : null;   // throws if interrupted
                if (f == null) {
                    throw new TimeoutException((tasks.size() - done) + " of " + tasks.size()
                            + " tasks not finished after " + timeout.toMillis() + " ms");
                }
                f.get();             // rethrows a failure as ExecutionException with the task's exception as cause
            }
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> f : futures) {
                results.add(f.resultNow());
            }
            return results;
        } finally {
            // Whatever ended the wait (all done, a failure, the timeout, an interrupt): interrupt what
            // still runs, start nothing more, and return only when every task has ended.
            threads.shutdownNow();
            awaitUninterruptibly(threads);
        }
        // END SOLUTION
    }
    // BEGIN SOLUTION

    /** {@code d} in nanoseconds, or Long.MAX_VALUE for a timeout longer than about 292 years. */
    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Waits until every task of {@code threads} has ended. An interrupt that comes meanwhile (the
     * caller is being cancelled too) cannot be allowed to make us return with tasks still running:
     * it is kept and restored for the caller.
     */
    private static void awaitUninterruptibly(ExecutorService threads) {
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.SECONDS)) {
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
    // END SOLUTION
}
