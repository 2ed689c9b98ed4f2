package racecourse.kernel.output;

import racecourse.kernel.Cell;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Tasks handed to an executor remember the cell that submitted them. A pool made in one cell keeps
 * its threads, and their binding, when a later cell submits to it; without this, the later cell's
 * output would land in the earlier cell. Called from cell code rewritten by {@link TaskRewriter}.
 */
public final class CellTasks {
    private CellTasks() {
    }

    public static Runnable wrap(Runnable task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : () -> inCell(submitter, () -> {
            task.run();
            return null;
        });
    }

    public static <T> Callable<T> wrap(Callable<T> task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : () -> inCell(submitter, task::call);
    }

    public static <T> Supplier<T> wrap(Supplier<T> task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : () -> inCell(submitter, task::get);
    }

    /** Runs {@code task} with the current thread bound to {@code cell}, then binds it back. */
    private static <T, E extends Exception> T inCell(Cell cell, CellWork<T, E> task) throws E {
        Cell before = CellRouting.bound();
        CellRouting.rebind(cell);
        try {
            return task.call();
        } finally {
            CellRouting.rebind(before);
        }
    }

    /** A Callable whose exception type follows the task's, so Runnable and Supplier throw nothing checked. */
    private interface CellWork<T, E extends Exception> {
        T call() throws E;
    }
}
