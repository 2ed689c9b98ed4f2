package racecourse.kernel.threads;

import racecourse.kernel.Cell;
import racecourse.kernel.exit.ExitCalled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The thread group of one cell. The cell runs in it, and every platform thread it starts (directly
 * or through an executor it creates) lands in it, which is how the kernel finds a cell's platform
 * threads to interrupt, report or list; its virtual threads, and pool threads running its tasks, are
 * {@link TrackedThreads}. An exception nobody caught in one of them is shown in the cell, with
 * the thread's name, as the JVM would print it on a console.
 */
public final class CellGroup extends ThreadGroup {
    private final Cell cell;
    private final Function<Throwable, List<String>> traceback;

    public CellGroup(Cell cell, Function<Throwable, List<String>> traceback) {
        super("cell [" + cell.executionCount() + "]");
        this.cell = cell;
        this.traceback = traceback;
    }

    public Cell cell() {
        return cell;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (e instanceof CellStopped) {
            return; // stopped on purpose; the cell's error already says so
        }
        StringBuilder text = new StringBuilder("Exception in thread \"").append(t.getName()).append("\" ");
        if (e instanceof ExitCalled exit) {
            text.append(exit.getMessage()).append('\n');
        } else {
            text.append(String.join("\n", traceback.apply(e))).append('\n');
        }
        cell.write(Cell.Stream.STDERR, text.toString());
    }

    /**
     * The live threads of this cell, the given ones left out: the platform threads of its group,
     * then the threads running tasks it handed over (its virtual threads among them).
     */
    public List<Thread> liveThreads(Thread... except) {
        Thread[] all;
        int n;
        do {
            all = new Thread[activeCount() + 8];
            n = enumerate(all, true);
        } while (n == all.length);
        List<Thread> live = new ArrayList<>();
        List<Thread> skip = Arrays.asList(except);
        for (int i = 0; i < n; i++) {
            if (all[i].isAlive() && !skip.contains(all[i])) {
                live.add(all[i]);
            }
        }
        for (Thread t : TrackedThreads.of(cell)) {
            if (!skip.contains(t) && !(t.getThreadGroup() == this && live.contains(t))) {
                live.add(t);
            }
        }
        return live;
    }
}
