package racecourse.kernel.threads;

import racecourse.kernel.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The thread groups of all cells that still have live threads: for %threads, %stop, Interrupt. */
public final class CellThreads {
    private final List<CellGroup> groups = new CopyOnWriteArrayList<>();

    public void add(CellGroup group) {
        groups.removeIf(g -> g.liveThreads().isEmpty());
        groups.add(group);
    }

    /** Live platform threads started by cells, oldest cell first. */
    public List<Thread> live() {
        List<Thread> all = new ArrayList<>();
        for (CellGroup g : groups) {
            all.addAll(g.liveThreads());
        }
        return all;
    }

    public Cell cellOf(Thread t) {
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
