package exercises;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/** Bounded waits for the tests: nothing here can hang a test run. */
final class Waits {
    static final long SECONDS = 5;

    private Waits() {
    }

    /** Waits (at most 5 s) until {@code t} is parked, waiting or blocked on a monitor. */
    static void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.BLOCKED || s == Thread.State.TIMED_WAITING) {
                return;
            }
            if (s == Thread.State.TERMINATED) {
                fail(t.getName() + " ended instead of blocking");
            }
            Thread.sleep(1);
        }
        fail(t.getName() + " did not block within " + SECONDS + " s (state " + t.getState() + ")");
    }

    /** Asserts {@code t} stays blocked: it has blocked and is still alive after a short grace period. */
    static void assertStaysBlocked(Thread t) throws InterruptedException {
        awaitBlocked(t);
        t.join(100);
        if (!t.isAlive()) {
            fail(t.getName() + " went through although it should have kept waiting");
        }
        awaitBlocked(t);
    }

    /** Waits at most 5 s for {@code t} to end. */
    static void awaitEnd(Thread t) throws InterruptedException {
        t.join(TimeUnit.SECONDS.toMillis(SECONDS));
        if (t.isAlive()) {
            fail(t.getName() + " did not finish within " + SECONDS + " s (state " + t.getState() + ")");
        }
    }

    /** Runs {@code body} in a new daemon thread; {@link Task#get()} returns its result (waiting at most 5 s). */
    static <T> Task<T> start(String name, Callable<T> body) {
        FutureTask<T> f = new FutureTask<>(body);
        Thread t = Thread.ofPlatform().name(name).daemon().start(f);
        return new Task<>(t, f);
    }

    record Task<T>(Thread thread, FutureTask<T> future) {
        T get() throws Exception {
            try {
                return future.get(SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception x) {
                    throw x;
                }
                throw e;
            } catch (TimeoutException e) {
                throw new AssertionError(thread.getName() + " did not finish within " + SECONDS + " s (state "
                        + thread.getState() + ")");
            }
        }
    }

    /** The live threads started since {@code before} was taken. */
    static Set<Thread> newThreads(Set<Thread> before) {
        Set<Thread> now = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        now.removeAll(before);
        now.removeIf(t -> !t.isAlive());
        return now;
    }

    static Set<Thread> liveThreads() {
        return new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
    }
}
