// expect: pass
// Style: FutureTask<Long> per part run by a new platform thread (no ExecutorService), results via get() after join.
package exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

public final class ParallelSum {
    private ParallelSum() {
    }

    public static long sum(long[] values, int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(values, "values");
        List<FutureTask<Long>> parts = new ArrayList<>(threads);
        List<Thread> started = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            // part i is [n*i/threads, n*(i+1)/threads): sizes differ by at most one
            int lo = (int) ((long) values.length * i / threads);
            int hi = (int) ((long) values.length * (i + 1) / threads);
            FutureTask<Long> part = new FutureTask<>(() -> {
                long s = 0;
                for (int k = lo; k < hi; k++) {
                    s += values[k];
                }
                return s;
            });
            parts.add(part);
            Thread th = Thread.ofPlatform().name("sum-part-" + i).unstarted(part);
            started.add(th);
        }
        started.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread th : started) {
            for (;;) {
                try {
                    th.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while waiting for the summing threads");
        }
        long total = 0;
        for (FutureTask<Long> part : parts) {
            try {
                total += part.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return total;
    }
}
