package racecourse.grader.harness;

import racecourse.results.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The threads of the test that is running, so that a diagnosis, a probe or a worker's death is
 * about this test and never about what an earlier test left behind (a timed-out test's threads
 * live on in the same JVM). A test's threads are the platform threads that were not alive when it
 * began (whoever started them: the test, the submission, a pool the submission made) and the
 * threads submission code started during it, virtual ones included (the instrumenter reports every
 * {@code start()}, every call returning a {@code Thread}, and makes
 * {@code Executors.newVirtualThreadPerTaskExecutor()} one whose threads are reported too).
 */
public final class TestScope {
    private static volatile TestScope current;
    /** Threads some earlier test tracked: never this test's. */
    private static final Set<Thread> EARLIER = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final String test;
    private final Set<Thread> before;
    private final Set<Thread> tracked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final ConcurrentLinkedQueue<Death> deaths = new ConcurrentLinkedQueue<>();

    /** A thread of the test that ended with an exception nobody caught. */
    public record Death(String thread, Throwable error) {
        /** "thread "w-1" died with java.lang.IllegalStateException: boom at Worker.java:12 (Worker.run)". */
        public String describe() {
            List<String> frames = Diagnosis.submissionFrames(error, 2);
            return "a thread your code started (\"" + thread + "\") died with " + error
                    + (frames.isEmpty() ? "" : " at " + String.join(" < ", frames));
        }

        /** The verdict of the death itself: what the worker did wrong. */
        public Verdict verdict() {
            if (error instanceof OutOfMemoryError) {
                return Verdict.RESOURCES;
            }
            if (error instanceof LinkageError && !(error instanceof ExceptionInInitializerError)
                    && !(error instanceof NoClassDefFoundError n && String.valueOf(n.getMessage()).startsWith("Could not initialize"))) {
                return Verdict.COMPILE;
            }
            return Verdict.FUNCTIONAL;
        }
    }

    private TestScope(String test, Set<Thread> before) {
        this.test = test;
        this.before = before;
    }

    /** Starts the scope of {@code test}: every platform thread alive now belongs to earlier tests. */
    public static TestScope begin(String test) {
        TestScope previous = current;
        if (previous != null) {
            EARLIER.addAll(previous.tracked);
        }
        TestScope s = new TestScope(test, Set.copyOf(platformThreads()));
        current = s;
        return s;
    }

    /** Ends the current scope: its threads are earlier tests' threads from now on. */
    public static void end() {
        TestScope s = current;
        if (s != null) {
            EARLIER.addAll(s.tracked);
        }
        current = null;
    }

    /** The running test's scope, or null outside a test (then every thread counts, as before scopes). */
    public static TestScope current() {
        return current;
    }

    public String test() {
        return test;
    }

    /** Called by instrumented submission code with a thread it starts or gets (anything else is ignored). */
    public static void track(Object thread) {
        TestScope s = current;
        if (s != null && thread instanceof Thread t && !EARLIER.contains(t)) {
            s.tracked.add(t);
        }
    }

    /** Replaces {@code Executors.newVirtualThreadPerTaskExecutor()} in submission code: the same, its threads tracked. */
    public static ExecutorService newVirtualThreadPerTaskExecutor() {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        return Executors.newThreadPerTaskExecutor(r -> {
            Thread t = virtual.newThread(r);
            track(t);
            return t;
        });
    }

    /** Whether {@code t} is this test's (a virtual thread nobody tracked counts as this test's). */
    public boolean owns(Thread t) {
        if (tracked.contains(t)) {
            return true;
        }
        if (t.isVirtual()) {
            return !EARLIER.contains(t);
        }
        return !before.contains(t);
    }

    /** The live threads submission code started in the running test (none outside a test). */
    public static List<Thread> trackedLive() {
        TestScope s = current;
        if (s == null) {
            return List.of();
        }
        synchronized (s.tracked) {
            return s.tracked.stream().filter(Thread::isAlive).toList();
        }
    }

    /** Whether {@code t} belongs to the running test (true outside the graded tests). */
    public static boolean ofCurrentTest(Thread t) {
        TestScope s = current;
        return s == null || s.owns(t);
    }

    /** The live threads of this test. */
    public List<Thread> liveThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : platformThreads()) {
            if (owns(t)) {
                out.add(t);
            }
        }
        synchronized (tracked) {
            for (Thread t : tracked) {
                if (t.isAlive() && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * The default uncaught-exception handler of the child: a thread of the running test that dies
     * with an exception thrown through submission code is kept as a possible cause of the test's
     * failure; anything else (leftovers of earlier tests, ends caused by an interrupt) is dropped
     * silently, as before (stack traces would flood the output).
     */
    public static void uncaught(Thread t, Throwable e) {
        TestScope s = current;
        if (s != null && s.owns(t) && !Diagnosis.submissionFrames(e, 1).isEmpty() && !byInterrupt(e)) {
            s.deaths.add(new Death(t.getName(), e));
        }
    }

    /** The first death of a thread of this test, if any. */
    public Optional<Death> firstDeath() {
        return Optional.ofNullable(deaths.peek());
    }

    /** The first death in the running test, if any. */
    public static Optional<Death> currentDeath() {
        TestScope s = current;
        return s == null ? Optional.empty() : s.firstDeath();
    }

    /** An end caused by the test stopping the thread (interrupt, closed channel), not a bug of the worker. */
    private static boolean byInterrupt(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.io.InterruptedIOException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static List<Thread> platformThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        return Arrays.asList(Arrays.copyOf(all, n));
    }
}
