package racecourse.grader.harness;

import racecourse.results.Verdict;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Explains why threads made no progress: a lock cycle (ThreadMXBean, monitors and ownable
 * synchronizers) is a {@code deadlock}; anything else is a {@code hang}, told with each thread's
 * state and the line of the submission where it waits.
 */
public final class Diagnosis {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Diagnosis() {
    }

    /** The verdict for {@code what} not finishing in time, looking at {@code stuck} (may be empty). */
    public static VerdictFailure stuck(String what, Collection<Thread> stuck) {
        // A worker of this test that died with an exception is why the others wait (for its result,
        // its release, its signal): it is the cause, told with its exception and line.
        var death = TestScope.currentDeath();
        if (death.isPresent()) {
            return new VerdictFailure(death.get().verdict(), death.get().describe()
                    + "; then " + what + " did not finish", death.get().error());
        }
        String cycle = deadlockCycle();
        if (cycle != null) {
            return new VerdictFailure(Verdict.DEADLOCK, what + " did not finish: deadlock.\n" + cycle);
        }
        StringBuilder sb = new StringBuilder(what).append(" made no progress (no lock cycle: a lost wakeup, a missing release or signal, or a wait nobody ends).");
        int shown = 0;
        for (Thread t : stuck) {
            if (!t.isAlive()) {
                continue;
            }
            if (shown++ == 6) {
                sb.append("\n  ...");
                break;
            }
            sb.append("\n  ").append(describe(t));
        }
        return new VerdictFailure(Verdict.HANG, sb.toString());
    }

    /**
     * The deadlock cycle among the running test's threads, told thread by thread, or null if there
     * is none (a cycle among threads an earlier test left behind is not this test's).
     */
    public static String deadlockCycle() {
        long[] ids = THREADS.isSynchronizerUsageSupported() ? THREADS.findDeadlockedThreads()
                : THREADS.findMonitorDeadlockedThreads();
        if (ids == null || ids.length == 0) {
            return null;
        }
        TestScope scope = TestScope.current();
        if (scope != null) {
            java.util.Set<Long> ours = new java.util.HashSet<>();
            scope.liveThreads().forEach(t -> ours.add(t.threadId()));
            ids = Arrays.stream(ids).filter(ours::contains).toArray();
            if (ids.length == 0) {
                return null;
            }
        }
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, true, true);
        StringBuilder sb = new StringBuilder();
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            LockInfo lock = info.getLockInfo();
            sb.append("  thread \"").append(info.getThreadName()).append("\" waits for ")
                    .append(lock == null ? "a lock" : lock.toString())
                    .append(" held by \"").append(info.getLockOwnerName()).append('"');
            String at = submissionFrame(info.getStackTrace());
            if (at != null) {
                sb.append(" at ").append(at);
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** A thread's state and the submission line it is at. */
    public static String describe(Thread t) {
        StackTraceElement[] trace = t.getStackTrace();
        String at = submissionFrame(trace);
        StringBuilder sb = new StringBuilder("\"").append(t.getName()).append("\" ").append(t.getState());
        ThreadInfo info = THREADS.getThreadInfo(t.threadId());
        if (info != null && info.getLockName() != null) {
            sb.append(" on ").append(info.getLockName());
        }
        if (at != null) {
            sb.append(" at ").append(at);
        } else if (trace.length > 0) {
            sb.append(" in ").append(trace[0]);
        }
        return sb.toString();
    }

    /** The innermost frame of the submission ({@code exercises.*}, not the shipped tests), as File:line (method). */
    public static String submissionFrame(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (isSubmission(e.getClassName())) {
                return e.getFileName() + ":" + e.getLineNumber() + " (" + simple(e.getClassName()) + "." + e.getMethodName() + ")";
            }
        }
        return null;
    }

    /** The submission frames of a throwable, innermost first, at most {@code max}. */
    public static List<String> submissionFrames(Throwable t, int max) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (isSubmission(e.getClassName()) && out.size() < max) {
                out.add(e.getFileName() + ":" + e.getLineNumber() + " (" + simple(e.getClassName()) + "." + e.getMethodName() + ")");
            }
        }
        return out;
    }

    static boolean isSubmission(String className) {
        return className.startsWith("exercises.") && !className.startsWith("exercises.tests.");
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * The running test's live threads (see {@link TestScope}); every live platform thread outside
     * the graded tests. For a diagnosis when the test does not know the threads.
     */
    public static List<Thread> liveThreads() {
        TestScope scope = TestScope.current();
        if (scope != null) {
            return scope.liveThreads();
        }
        return new ArrayList<>(Arrays.asList(Thread.getAllStackTraces().keySet().toArray(new Thread[0])));
    }
}
