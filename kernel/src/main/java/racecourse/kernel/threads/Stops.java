package racecourse.kernel.threads;

import racecourse.kernel.Cell;
import racecourse.kernel.output.CellRouting;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cells and threads are stopped. Cell code calls {@link #check()} at every method start and
 * loop back-edge (the JDK's stop-check weaving), so its fast path is one volatile read, and it stays
 * that way after an Interrupt: {@link #settle} turns the slow path off again once no thread of a
 * stopped cell is alive, so later cells' loops (and {@code %time}, and the speedup demos) pay nothing
 * for an Interrupt long past. Whether a cell is stopped is a flag of the cell ({@link Cell#stopped()}).
 */
public final class Stops {
    /** Whether a stopped cell's or thread's code may still run: only then does check look further. */
    private static volatile boolean any;
    private static final Set<Thread> STOPPED_THREADS = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();

    private Stops() {
    }

    /** Throws {@link CellStopped} in a thread of a stopped cell (platform or virtual). */
    public static void check() {
        if (any) {
            checkStopped();
        }
    }

    private static void checkStopped() {
        if (isStopped(CellRouting.bound()) || STOPPED_THREADS.contains(Thread.currentThread())) {
            throw new CellStopped();
        }
    }

    public static void stop(Cell cell) {
        synchronized (LOCK) {
            cell.origin().markStopped();
            any = true;
        }
    }

    /** Stops one thread (%stop NAME), leaving its cell's other threads alone. */
    public static void stop(Thread thread) {
        synchronized (LOCK) {
            STOPPED_THREADS.removeIf(t -> !t.isAlive());
            STOPPED_THREADS.add(thread);
            any = true;
        }
    }

    public static boolean isStopped(Cell cell) {
        return cell != null && cell.origin().stopped();
    }

    /**
     * Called before a cell runs, with whether any thread of a stopped cell is still alive: if none is
     * and no stopped thread lives, no stopped code can run any more and checks go back to one read.
     */
    public static void settle(boolean stoppedCellThreadsAlive) {
        synchronized (LOCK) {
            STOPPED_THREADS.removeIf(t -> !t.isAlive());
            any = stoppedCellThreadsAlive || !STOPPED_THREADS.isEmpty();
        }
    }

    /** Whether checks take the slow path now (for tests and the benchmark). */
    public static boolean checking() {
        return any;
    }
}
