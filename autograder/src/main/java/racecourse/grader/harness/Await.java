package racecourse.grader.harness;

import racecourse.results.Verdict;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits: a wait that runs out becomes a {@code deadlock} or {@code hang} verdict, never a stuck test. */
public final class Await {
    private Await() {
    }

    /** Waits until every thread has ended, at most {@code timeout} in all. */
    public static void join(String what, Duration timeout, Collection<Thread> threads) throws InterruptedException {
        try {
            joinOrExplain(what, timeout, threads);
        } catch (VerdictFailure f) {
            threads.forEach(Thread::interrupt);
            throw f;
        }
    }

    /** As {@link #join}, but leaves the threads that did not end alone (the caller decides). */
    public static void joinOrExplain(String what, Duration timeout, Collection<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
        if (!alive.isEmpty()) {
            throw Diagnosis.stuck(what + " (" + alive.size() + " of " + threads.size()
                    + " threads after " + timeout.toMillis() + " ms)", alive);
        }
    }

    /** A call started in its own thread. */
    public static final class Call<T> {
        private final String what;
        private final Thread thread;
        private final FutureTask<T> task;

        Call(String what, Thread thread, FutureTask<T> task) {
            this.what = what;
            this.thread = thread;
            this.task = task;
        }

        public Thread thread() {
            return thread;
        }

        public boolean isDone() {
            return task.isDone();
        }

        /** Its result, waiting at most {@code timeout}; its exception is rethrown as is. */
        public T get(Duration timeout) throws Exception {
            try {
                return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception x) {
                    throw x;
                }
                if (e.getCause() instanceof Error x) {
                    throw x;
                }
                throw e;
            } catch (TimeoutException e) {
                throw stuck(timeout);
            }
        }

        /** Whether it ended within {@code timeout}; leaves it alone if not. */
        public boolean await(Duration timeout) throws InterruptedException {
            try {
                task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // ended; get() rethrows it
            } catch (TimeoutException e) {
                return false;
            }
            return true;
        }

        /** The {@code deadlock} or {@code hang} of a call still running after {@code waited}; interrupts it. */
        public VerdictFailure stuck(Duration waited) {
            VerdictFailure f = Diagnosis.stuck(what + " (after " + waited.toMillis() + " ms)", List.of(thread));
            thread.interrupt();
            return f;
        }
    }

    /**
     * Interrupts the call's thread, which is waiting in {@code what}, and checks that the call
     * throws {@code InterruptedException} within {@code timeout}: {@code functional} if it keeps
     * waiting, returns normally or throws something else.
     */
    public static void interruptThrows(Call<?> call, String what, Duration timeout) throws Exception {
        call.thread().interrupt();
        if (!call.await(timeout)) {
            throw new VerdictFailure(Verdict.FUNCTIONAL, what + " kept waiting " + timeout.toMillis()
                    + " ms after its thread was interrupted: it must throw InterruptedException");
        }
        try {
            call.get(Duration.ZERO);
        } catch (InterruptedException expected) {
            return;
        } catch (Exception e) {
            throw new VerdictFailure(Verdict.FUNCTIONAL, what + " threw " + e + " when its thread was interrupted, "
                    + "not InterruptedException", e);
        }
        throw new VerdictFailure(Verdict.FUNCTIONAL, what + " returned normally when its thread was interrupted "
                + "while it waited: it must throw InterruptedException");
    }

    /** Starts {@code body} in a new daemon thread named {@code name}. */
    public static <T> Call<T> start(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread t = Thread.ofPlatform().name(name).daemon().start(task);
        return new Call<>(name, t, task);
    }

    /** Runs {@code body} in its own thread and returns its result, waiting at most {@code timeout}. */
    public static <T> T call(String what, Duration timeout, Callable<T> body) throws Exception {
        return start(what, body).get(timeout);
    }

    /** Waits (at most {@code timeout}) until {@code t} is blocked, waiting or parked; false if it ended or ran on. */
    public static boolean blocked(Thread t, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.BLOCKED || s == Thread.State.TIMED_WAITING) {
                return true;
            }
            if (s == Thread.State.TERMINATED) {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /**
     * Waits (at most {@code timeout}) until {@code t} is blocked, waiting or parked inside a method of
     * {@code className} (e.g. a get waiting for another thread's computation), seen so twice 10 ms
     * apart, so a passing lock taken on the way there (class loading, an uncontended map bin) does
     * not count; false if it ended or never did.
     */
    public static boolean waitingIn(Thread t, String className, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.TERMINATED) {
                return false;
            }
            boolean waiting = (s == Thread.State.WAITING || s == Thread.State.BLOCKED || s == Thread.State.TIMED_WAITING)
                    && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(className));
            seen = waiting ? seen + 1 : 0;
            if (seen == 2) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Whether {@code t} waits for a lock (a monitor or a ReentrantLock-style synchronizer) that {@code owner} holds. */
    public static boolean waitsForLockOf(Thread t, Thread owner) {
        java.lang.management.ThreadInfo info = java.lang.management.ManagementFactory.getThreadMXBean()
                .getThreadInfo(new long[] {t.threadId()}, true, true)[0];
        return info != null && info.getLockOwnerId() == owner.threadId();
    }
}
