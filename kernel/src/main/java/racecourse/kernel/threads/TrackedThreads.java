package racecourse.kernel.threads;

import racecourse.kernel.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads running code a cell handed over: a virtual thread it started, a task it submitted to
 * an executor (a pool of an earlier cell, a virtual-thread-per-task executor, the common pool of a
 * CompletableFuture stage). Virtual threads belong to no thread group the kernel can enumerate, and
 * a pool's threads belong to the cell that made the pool, so these are tracked one by one: a thread
 * enters when it starts the task and leaves when the task ends, so nothing is kept after it ends.
 * Called from {@link racecourse.kernel.output.CellTasks} around every task of cell code.
 */
public final class TrackedThreads {
    private static final Map<Cell, Set<Thread>> BY_CELL = new ConcurrentHashMap<>();

    private TrackedThreads() {
    }

    /**
     * The calling thread now runs a task of {@code cell}; returns what {@link #leave} needs, or null
     * when the thread already runs one (a task run inside another leaves the outer one tracked).
     */
    public static Set<Thread> enter(Cell cell) {
        Cell key = cell.origin();
        Thread self = Thread.currentThread();
        while (true) {
            Set<Thread> threads = BY_CELL.computeIfAbsent(key, c -> ConcurrentHashMap.newKeySet());
            if (!threads.add(self)) {
                return null;
            }
            // A set found empty and dropped by prune() between the two lines above is not the
            // cell's any more; enter the cell's current set instead.
            if (BY_CELL.get(key) == threads) {
                return threads;
            }
            threads.remove(self);
        }
    }

    /**
     * {@code thread}, about to start, runs code of {@code cell} for its whole life: it counts from
     * now, not from when the scheduler first runs it. It leaves through {@link #forget}.
     */
    public static void add(Cell cell, Thread thread) {
        Cell key = cell.origin();
        while (true) {
            Set<Thread> threads = BY_CELL.computeIfAbsent(key, c -> ConcurrentHashMap.newKeySet());
            threads.add(thread);
            if (BY_CELL.get(key) == threads) {
                return;
            }
        }
    }

    /** The calling thread, started by {@link #add}, ends. */
    public static void forget() {
        Thread self = Thread.currentThread();
        for (Set<Thread> threads : BY_CELL.values()) {
            threads.remove(self);
        }
    }

    public static void leave(Set<Thread> threads) {
        if (threads != null) {
            threads.remove(Thread.currentThread());
        }
    }

    /** The live threads running tasks of {@code cell}. */
    public static List<Thread> of(Cell cell) {
        Set<Thread> threads = BY_CELL.get(cell.origin());
        List<Thread> live = new ArrayList<>();
        if (threads != null) {
            for (Thread t : threads) {
                if (t.isAlive()) {
                    live.add(t);
                }
            }
        }
        return live;
    }

    /** The live threads running tasks of any cell. */
    public static List<Thread> all() {
        List<Thread> live = new ArrayList<>();
        for (Set<Thread> threads : BY_CELL.values()) {
            for (Thread t : threads) {
                if (t.isAlive()) {
                    live.add(t);
                }
            }
        }
        return live;
    }

    /** The cell whose task {@code t} runs, or null. */
    public static Cell cellOf(Thread t) {
        for (Map.Entry<Cell, Set<Thread>> e : BY_CELL.entrySet()) {
            if (e.getValue().contains(t)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Drops ended threads (one started from cell code but whose task was not wrapped, which only a
     * thread started from outside cell code can be) and the sets of cells with none left.
     */
    static void prune() {
        for (Cell c : BY_CELL.keySet()) {
            BY_CELL.get(c).removeIf(t -> t.getState() == Thread.State.TERMINATED);
            BY_CELL.computeIfPresent(c, (k, threads) -> threads.isEmpty() ? null : threads);
        }
    }
}
