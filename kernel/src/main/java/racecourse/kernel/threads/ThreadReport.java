package racecourse.kernel.threads;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/** One line per thread: name, state, where in cell code it is, and what it waits for. */
public final class ThreadReport {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int MAX_LINES = 30;

    private ThreadReport() {
    }

    /**
     * What the given threads are doing: stacks and locks from ThreadMXBean for platform threads; for
     * virtual threads, which it leaves out, the stack and the park blocker with its owner.
     */
    public static List<ThreadSnapshot> snapshots(List<Thread> threads) {
        long[] ids = threads.stream().filter(t -> !t.isVirtual()).mapToLong(Thread::threadId).toArray();
        Map<Long, ThreadSnapshot> platform = new HashMap<>();
        for (ThreadInfo i : infos(ids)) {
            platform.put(i.getThreadId(), of(i));
        }
        List<ThreadSnapshot> all = new ArrayList<>();
        for (Thread t : threads) {
            ThreadSnapshot s = t.isVirtual() ? ofVirtual(t) : platform.get(t.threadId());
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    static ThreadInfo[] infos(long[] ids) {
        if (ids.length == 0) {
            return new ThreadInfo[0];
        }
        return Arrays.stream(MX.getThreadInfo(ids, MX.isObjectMonitorUsageSupported(),
                MX.isSynchronizerUsageSupported())).filter(i -> i != null).toArray(ThreadInfo[]::new);
    }

    static ThreadSnapshot of(ThreadInfo i) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo m : i.getLockedMonitors()) {
            held.add(describe(m));
        }
        for (LockInfo l : i.getLockedSynchronizers()) {
            held.add(describe(l));
        }
        String name = i.getThreadName().isEmpty() ? "#" + i.getThreadId() : i.getThreadName();
        return new ThreadSnapshot(name, i.getThreadId(), i.getThreadState(), false, i.getStackTrace(),
                i.getLockInfo() == null ? null : describe(i.getLockInfo()), i.getLockOwnerName(), held);
    }

    /**
     * A virtual thread: its stack, and what it is parked on with that lock's owner when the blocker
     * is a java.util.concurrent lock. The monitor a BLOCKED virtual thread waits for is not known
     * here; {@link LockCycles} learns it from the JDK's thread dump when it matters.
     */
    static ThreadSnapshot ofVirtual(Thread t) {
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        Object blocker = LockSupport.getBlocker(t);
        String waitsFor = null;
        String owner = null;
        if (blocker != null && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)) {
            waitsFor = describe(blocker);
            owner = LockOwners.ownerOf(blocker).map(ThreadSnapshot::nameOf).orElse(null);
        }
        return new ThreadSnapshot(ThreadSnapshot.nameOf(t), t.threadId(), state, true, stack, waitsFor, owner, List.of());
    }

    /**
     * @param whereIs where a stack is in cell code ("worker (cell [3] line 4)"), if it is
     */
    public static List<String> lines(List<ThreadSnapshot> threads, Function<StackTraceElement[], Optional<String>> whereIs) {
        List<String> lines = new ArrayList<>();
        for (ThreadSnapshot s : threads) {
            if (lines.size() == MAX_LINES) {
                // A cell with 100 000 virtual threads would otherwise get a traceback as long.
                lines.add("  ... and " + (threads.size() - MAX_LINES) + " more threads");
                break;
            }
            StringBuilder line = new StringBuilder("  \"").append(s.name()).append("\" ").append(s.state());
            String where = whereIs.apply(s.stack()).orElseGet(() -> s.stack().length == 0 ? "" : s.stack()[0].toString());
            if (!where.isEmpty()) {
                line.append(" at ").append(where);
            }
            waitsFor(s).ifPresent(w -> line.append(", ").append(w));
            lines.add(line.toString());
        }
        return lines;
    }

    static Optional<String> waitsFor(ThreadSnapshot s) {
        if (s.waitsFor() == null) {
            return Optional.empty();
        }
        String what = (s.state() == Thread.State.BLOCKED ? "waiting to lock " : "waiting on ") + s.waitsFor();
        if (s.lockOwner() != null) {
            what += " held by \"" + s.lockOwner() + "\"";
        }
        return Optional.of(what);
    }

    static String describe(LockInfo lock) {
        return describe(lock.getClassName(), lock.getIdentityHashCode());
    }

    static String describe(Object lock) {
        return describe(lock.getClass().getName(), System.identityHashCode(lock));
    }

    /** A lock as the JDK's thread dump names it ("java.lang.Object@1b2c3d"), in the form reports use. */
    static String describe(String identityString) {
        int at = identityString.lastIndexOf('@');
        return at < 0 ? identityString
                : describe(identityString.substring(0, at), Integer.parseUnsignedInt(identityString.substring(at + 1), 16));
    }

    private static String describe(String className, int identityHash) {
        int dot = className.lastIndexOf('.');
        String simple = dot >= 0 ? className.substring(dot + 1) : className;
        // JShell wraps classes of cells in REPL.$JShell$N$Name.
        simple = simple.replaceFirst("^\\$JShell\\$\\d+[A-Z]*\\$", "");
        return simple + "@" + Integer.toHexString(identityHash);
    }
}
