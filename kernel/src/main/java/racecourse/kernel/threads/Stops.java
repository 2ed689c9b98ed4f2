package racecourse.kernel.threads;

import racecourse.kernel.Cell;
import racecourse.kernel.output.CellRouting;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cells are stopped. Cell code calls {@link #check()} at every method start and loop
 * back-edge (the JDK's stop-check weaving), so the fast path is one volatile read.
 */
public final class Stops {
    private static volatile boolean any;
    private static final Set<Cell> STOPPED = ConcurrentHashMap.newKeySet();
    private static final Set<Thread> STOPPED_THREADS = ConcurrentHashMap.newKeySet();

    private Stops() {
    }

    /** Throws {@link CellStopped} in a thread of a stopped cell (platform or virtual). */
    public static void check() {
        if (any && (isStopped(CellRouting.bound()) || STOPPED_THREADS.contains(Thread.currentThread()))) {
            throw new CellStopped();
        }
    }

    public static void stop(Cell cell) {
        STOPPED.add(cell);
        any = true;
    }

    /** Stops one thread (%stop NAME), leaving its cell's other threads alone. */
    public static void stop(Thread thread) {
        STOPPED_THREADS.add(thread);
        any = true;
        STOPPED_THREADS.removeIf(t -> !t.isAlive() && t != thread);
    }

    public static boolean isStopped(Cell cell) {
        return cell != null && STOPPED.contains(cell.origin());
    }
}
