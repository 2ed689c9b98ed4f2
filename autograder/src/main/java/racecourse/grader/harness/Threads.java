package racecourse.grader.harness;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The threads a test counts: the platform threads the JVM lists, and every thread submission code
 * started during the test ({@link TestScope}), virtual ones included, which no JVM listing has (a
 * server serving from one virtual thread must count as one thread, not none), without the JDK's own
 * helpers (a virtual thread's carriers, the process reaper, the common pool), which the JDK starts
 * on first use and keeps.
 */
public final class Threads {
    private Threads() {
    }

    /** The live threads now, as above. */
    public static Set<Thread> live() {
        Set<Thread> out = new LinkedHashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !jdkOwn(t)) {
                out.add(t);
            }
        }
        for (Thread t : TestScope.trackedLive()) {
            out.add(t);
        }
        return out;
    }

    /** The live threads that were not alive in {@code before} (a {@link #live()} taken earlier). */
    public static List<Thread> startedSince(Set<Thread> before) {
        return live().stream().filter(t -> !before.contains(t)).toList();
    }

    /** Of {@code threads}, those still alive after waiting up to {@code grace} in all for them to end. */
    public static List<Thread> aliveAfter(Collection<Thread> threads, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }

    /** The JDK's own threads, started on first use and kept: carriers, the process reaper, shared pools. */
    public static boolean jdkOwn(Thread t) {
        ThreadGroup g = t.getThreadGroup();
        return t.getName().startsWith("process reaper") || t.getName().startsWith("ForkJoinPool.commonPool-worker")
                || g != null && (g.getName().equals("CarrierThreads") || g.getName().equals("InnocuousThreadGroup"));
    }
}
