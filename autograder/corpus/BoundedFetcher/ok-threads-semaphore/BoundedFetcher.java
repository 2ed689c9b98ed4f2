// expect: pass
// Style: one virtual thread per task started by hand, a Semaphore the caller acquires in list order, a latch for "all done or one failed", interrupt and join in a finally.
package exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
        int n = tasks.size();
        long start = System.nanoTime();
        long budget = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
        Object[] results = new Object[n];
        Semaphore slots = new Semaphore(maxConcurrent);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger left = new AtomicInteger(n);
        CountDownLatch over = new CountDownLatch(n == 0 ? 0 : 1);    // all done, or a failure
        List<Thread> started = new ArrayList<>();
        try {
            for (int i = 0; i < n && over.getCount() > 0; i++) {
                if (!slots.tryAcquire(budget - (System.nanoTime() - start), TimeUnit.NANOSECONDS)) {
                    throw new TimeoutException("timed out after " + timeout);
                }
                if (over.getCount() == 0) {
                    slots.release();
                    break;
                }
                int index = i;
                Callable<? extends T> task = tasks.get(i);
                started.add(Thread.ofVirtual().start(() -> {
                    try {
                        results[index] = task.call();
                        if (left.decrementAndGet() == 0) {
                            over.countDown();
                        }
                    } catch (Exception e) {
                        if (failure.compareAndSet(null, e)) {
                            over.countDown();
                        }
                    } finally {
                        slots.release();
                    }
                }));
            }
            if (!over.await(budget - (System.nanoTime() - start), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("timed out after " + timeout);
            }
            if (failure.get() != null) {
                throw new ExecutionException(failure.get());
            }
            @SuppressWarnings("unchecked")
            List<T> out = (List<T>) new ArrayList<>(Arrays.asList(results));
            return out;
        } finally {
            for (Thread t : started) {
                t.interrupt();
            }
            boolean interrupted = false;
            for (Thread t : started) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
