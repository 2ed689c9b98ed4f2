package racecourse.kernel.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks at a cell's threads for two ways of never finishing: a lock cycle (monitors and
 * java.util.concurrent ownable locks, as the JVM's own deadlock detection finds them), and no
 * thread able to make progress without a cycle (everyone in {@code wait()}, a lost wakeup, a
 * semaphore nobody releases) for a while.
 */
public final class Watchdog {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public sealed interface Finding {
        ThreadInfo[] threads();
    }

    /** A lock cycle; {@code threads} are the threads in it. */
    public record Deadlock(ThreadInfo[] threads) implements Finding {
    }

    /** No cycle, but no thread of the cell can move; {@code threads} are all of the cell's. */
    public record Stalled(ThreadInfo[] threads, Duration since) implements Finding {
    }

    private volatile Duration stallLimit = Duration.ofSeconds(3);
    private volatile boolean enabled = true;
    /** When the cell's threads were first all seen waiting, or 0. */
    private long stalledSince;
    private Set<Long> stalledIds = Set.of();

    public void setEnabled(boolean on) {
        enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setStallLimit(Duration d) {
        stallLimit = d;
    }

    public Duration stallLimit() {
        return stallLimit;
    }

    /** Starts watching a new cell. */
    public synchronized void reset() {
        stalledSince = 0;
        stalledIds = Set.of();
    }

    public synchronized Optional<Finding> scan(CellGroup group) {
        if (!enabled) {
            return Optional.empty();
        }
        List<Thread> live = group.liveThreads();
        Set<Long> ours = live.stream().filter(t -> !t.isVirtual()).map(Thread::threadId).collect(Collectors.toSet());
        long[] deadlocked = MX.findDeadlockedThreads();
        if (deadlocked != null && Arrays.stream(deadlocked).anyMatch(ours::contains)) {
            ThreadInfo[] cycle = MX.getThreadInfo(deadlocked, MX.isObjectMonitorUsageSupported(),
                    MX.isSynchronizerUsageSupported());
            return Optional.of(new Deadlock(Arrays.stream(cycle).filter(i -> i != null).toArray(ThreadInfo[]::new)));
        }
        // Thread.getState() first: cheap, while ThreadInfo stops the JVM to walk every stack, which
        // a cell with ten thousand threads would pay for at every scan.
        if (live.isEmpty() || live.stream().anyMatch(t -> t.isVirtual() || !waitsForever(t.getState()))) {
            stalledSince = 0;
            return Optional.empty();
        }
        ThreadInfo[] infos = ThreadReport.infos(live);
        if (infos.length == 0 || !allStuck(infos)) {
            stalledSince = 0;
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (stalledSince == 0 || !stalledIds.equals(ours)) {
            stalledSince = now;
            stalledIds = ours;
            return Optional.empty();
        }
        Duration since = Duration.ofNanos(now - stalledSince);
        return since.compareTo(stallLimit) >= 0 ? Optional.of(new Stalled(infos, since)) : Optional.empty();
    }

    private static boolean waitsForever(Thread.State s) {
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED;
    }

    /**
     * Every thread waits with no timeout or is blocked on a monitor. A thread waiting for a child
     * process, or on I/O (RUNNABLE in native code), or sleeping, can still move.
     */
    private static boolean allStuck(ThreadInfo[] infos) {
        for (ThreadInfo i : infos) {
            if (!waitsForever(i.getThreadState())) {
                return false;
            }
            for (StackTraceElement f : i.getStackTrace()) {
                if (f.getClassName().startsWith("java.lang.Process")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Table rows for a deadlock: thread, what it holds, what it waits for, where. */
    public static List<String[]> cycleTable(ThreadInfo[] cycle,
                                            java.util.function.Function<StackTraceElement[], Optional<String>> whereIs) {
        List<String[]> rows = new ArrayList<>();
        for (ThreadInfo i : cycle) {
            rows.add(new String[] {
                    i.getThreadName(),
                    String.join(", ", ThreadReport.held(i)),
                    i.getLockInfo() == null ? "" : ThreadReport.describe(i.getLockInfo())
                            + (i.getLockOwnerName() == null ? "" : " (held by " + i.getLockOwnerName() + ")"),
                    whereIs.apply(i.getStackTrace()).orElse("")});
        }
        return rows;
    }
}
