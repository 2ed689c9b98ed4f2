package racecourse.kernel.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Looks at a cell's threads, platform and virtual, for two ways of never finishing: a lock cycle
 * (monitors and java.util.concurrent ownable locks: the JVM's own deadlock detection for platform
 * threads, {@link LockCycles} for cycles with a virtual thread in them), and no thread able to make
 * progress without a cycle (everyone in {@code wait()}, a lost wakeup, a semaphore nobody releases)
 * for a while.
 */
public final class Watchdog {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public sealed interface Finding {
        List<ThreadSnapshot> threads();
    }

    /** A lock cycle; {@code threads} are the threads in it. */
    public record Deadlock(List<ThreadSnapshot> threads) implements Finding {
    }

    /** No cycle, but no thread of the cell can move; {@code threads} are all of the cell's. */
    public record Stalled(List<ThreadSnapshot> threads, Duration since) implements Finding {
        /** Some thread is a virtual thread BLOCKED on a monitor whose owner this JDK cannot name. */
        public boolean monitorOwnersUnknown() {
            return !LockCycles.MONITOR_OWNERS_KNOWN
                    && threads.stream().anyMatch(t -> t.virtual() && t.state() == Thread.State.BLOCKED);
        }
    }

    private volatile Duration stallLimit = Duration.ofSeconds(3);
    private volatile boolean enabled = true;
    private final LockCycles lockCycles = new LockCycles();
    /** When the cell's threads were first all seen waiting, or 0. */
    private long stalledSince;
    private Set<Thread> stalledThreads = Set.of();

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
        stalledThreads = Set.of();
        lockCycles.reset();
    }

    public synchronized Optional<Finding> scan(CellGroup group) {
        if (!enabled) {
            return Optional.empty();
        }
        List<Thread> live = group.liveThreads();
        long[] deadlocked = MX.findDeadlockedThreads();
        if (deadlocked != null && live.stream().anyMatch(t -> !t.isVirtual()
                && Arrays.stream(deadlocked).anyMatch(id -> id == t.threadId()))) {
            return Optional.of(new Deadlock(Arrays.stream(ThreadReport.infos(deadlocked)).map(ThreadReport::of).toList()));
        }
        if (live.stream().anyMatch(Thread::isVirtual)) {
            Optional<List<ThreadSnapshot>> cycle = lockCycles.find(live);
            if (cycle.isPresent()) {
                return Optional.of(new Deadlock(cycle.get()));
            }
        }
        // Thread.getState() at every scan: cheap, while stacks stop threads to walk them, which a
        // cell with ten thousand threads would pay for at every scan. Stacks only at the limit.
        if (live.isEmpty() || live.stream().anyMatch(t -> !waitsForever(t.getState()))) {
            stalledSince = 0;
            return Optional.empty();
        }
        long now = System.nanoTime();
        Set<Thread> ours = Collections.newSetFromMap(new IdentityHashMap<>());
        ours.addAll(live);
        if (stalledSince == 0 || !stalledThreads.equals(ours)) {
            stalledSince = now;
            stalledThreads = ours;
            return Optional.empty();
        }
        Duration since = Duration.ofNanos(now - stalledSince);
        if (since.compareTo(stallLimit) < 0) {
            return Optional.empty();
        }
        List<ThreadSnapshot> snapshots = ThreadReport.snapshots(live);
        if (snapshots.isEmpty() || !allStuck(snapshots)) {
            stalledSince = 0;
            return Optional.empty();
        }
        return Optional.of(new Stalled(snapshots, since));
    }

    private static boolean waitsForever(Thread.State s) {
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED;
    }

    /**
     * Every thread waits with no timeout or is blocked on a monitor. A thread waiting for a child
     * process, or for the session, or on I/O (RUNNABLE in native code), or sleeping, can still move.
     */
    private static boolean allStuck(List<ThreadSnapshot> threads) {
        for (ThreadSnapshot s : threads) {
            if (!waitsForever(s.state())) {
                return false;
            }
            for (StackTraceElement f : s.stack()) {
                if (f.getClassName().startsWith("java.lang.Process") || waitsForTheSession(f)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The cell's thread waits for the kernel's Java session, still being built (the first cell of a
     * kernel on a loaded machine): the kernel's wait, not a hang of the student's code.
     */
    private static boolean waitsForTheSession(StackTraceElement f) {
        return f.getClassName().equals("racecourse.kernel.jshell.JShellInterpreter") && f.getMethodName().equals("session");
    }

    /** Table rows for a deadlock: thread, what it holds, what it waits for, where. */
    public static List<String[]> cycleTable(List<ThreadSnapshot> cycle,
                                            Function<StackTraceElement[], Optional<String>> whereIs) {
        List<String[]> rows = new ArrayList<>();
        for (ThreadSnapshot s : cycle) {
            rows.add(new String[] {
                    s.name(),
                    String.join(", ", s.holds()),
                    s.waitsFor() == null ? "" : s.waitsFor() + (s.lockOwner() == null ? "" : " (held by " + s.lockOwner() + ")"),
                    whereIs.apply(s.stack()).orElse("")});
        }
        return rows;
    }
}
