package racecourse.kernel.threads;

import racecourse.kernel.Cell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The threads of all cells that still have live threads, platform (their groups) and virtual or
 * pooled ({@link TrackedThreads}): for %threads, %stop, Interrupt.
 */
public final class CellThreads {
    private final List<CellGroup> groups = new CopyOnWriteArrayList<>();

    public void add(CellGroup group) {
        groups.removeIf(g -> g.liveThreads().isEmpty());
        TrackedThreads.prune();
        groups.add(group);
    }

    /** Live threads started by cells, oldest cell first, then tasks of cells whose group is gone. */
    public List<Thread> live() {
        Set<Thread> all = new LinkedHashSet<>();
        for (CellGroup g : groups) {
            all.addAll(g.liveThreads());
        }
        all.addAll(TrackedThreads.all());
        return new ArrayList<>(all);
    }

    /** The cell whose task {@code t} runs, else the cell that started it; null for no cell's. */
    public Cell cellOf(Thread t) {
        Cell running = TrackedThreads.cellOf(t);
        if (running != null) {
            return running;
        }
        for (CellGroup g : groups) {
            if (g.parentOf(t.getThreadGroup())) {
                return g.cell();
            }
        }
        return null;
    }

    /** Stops and interrupts the matching threads (and child processes when all); returns how many. */
    public int stop(Predicate<Thread> which) {
        int n = 0;
        for (Thread t : live()) {
            if (which.test(t)) {
                Stops.stop(t);
                t.interrupt();
                n++;
            }
        }
        return n;
    }

    /** Ends every child process of the kernel, deepest first; returns their descriptions. */
    public static List<String> killChildProcesses() {
        List<String> killed = new ArrayList<>();
        List<ProcessHandle> all = new ArrayList<>(ProcessHandle.current().descendants().toList());
        java.util.Collections.reverse(all);
        for (ProcessHandle p : all) {
            String what = p.info().command().map(c -> c.substring(c.lastIndexOf('/') + 1)).orElse("process")
                    + " (pid " + p.pid() + ")";
            if (p.destroyForcibly()) {
                killed.add(what);
            }
        }
        return killed;
    }
}
