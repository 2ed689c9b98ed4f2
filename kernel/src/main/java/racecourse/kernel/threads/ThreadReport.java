package racecourse.kernel.threads;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One line per thread: name, state, where in cell code it is, and what it waits for. */
public final class ThreadReport {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ThreadReport() {
    }

    /** Full information (stacks, held locks) for platform threads; virtual threads are left out. */
    public static ThreadInfo[] infos(List<Thread> threads) {
        long[] ids = threads.stream().filter(t -> !t.isVirtual()).mapToLong(Thread::threadId).toArray();
        if (ids.length == 0) {
            return new ThreadInfo[0];
        }
        return Arrays.stream(MX.getThreadInfo(ids, MX.isObjectMonitorUsageSupported(),
                MX.isSynchronizerUsageSupported())).filter(i -> i != null).toArray(ThreadInfo[]::new);
    }

    /**
     * @param whereIs where a stack is in cell code ("worker (cell [3] line 4)"), if it is
     */
    public static List<String> lines(ThreadInfo[] infos, Function<StackTraceElement[], Optional<String>> whereIs) {
        List<String> lines = new ArrayList<>();
        for (ThreadInfo i : infos) {
            StringBuilder line = new StringBuilder("  \"").append(i.getThreadName()).append("\" ")
                    .append(i.getThreadState());
            String where = whereIs.apply(i.getStackTrace()).orElseGet(() -> topFrame(i));
            if (!where.isEmpty()) {
                line.append(" at ").append(where);
            }
            waitsFor(i).ifPresent(w -> line.append(", ").append(w));
            lines.add(line.toString());
        }
        return lines;
    }

    static Optional<String> waitsFor(ThreadInfo i) {
        LockInfo lock = i.getLockInfo();
        if (lock == null) {
            return Optional.empty();
        }
        String what = switch (i.getThreadState()) {
            case BLOCKED -> "waiting to lock " + describe(lock);
            default -> "waiting on " + describe(lock);
        };
        if (i.getLockOwnerName() != null) {
            what += " held by \"" + i.getLockOwnerName() + "\"";
        }
        return Optional.of(what);
    }

    /** The locks a thread holds: monitors and java.util.concurrent ownable synchronizers. */
    static List<String> held(ThreadInfo i) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo m : i.getLockedMonitors()) {
            held.add(describe(m));
        }
        for (LockInfo l : i.getLockedSynchronizers()) {
            held.add(describe(l));
        }
        return held;
    }

    static String describe(LockInfo lock) {
        String name = lock.getClassName();
        int dot = name.lastIndexOf('.');
        String simple = dot >= 0 ? name.substring(dot + 1) : name;
        // JShell wraps classes of cells in REPL.$JShell$N$Name.
        simple = simple.replaceFirst("^\\$JShell\\$\\d+[A-Z]*\\$", "");
        return simple + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static String topFrame(ThreadInfo i) {
        StackTraceElement[] s = i.getStackTrace();
        return s.length == 0 ? "" : s[0].toString();
    }
}
