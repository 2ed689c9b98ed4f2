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
        if (task == null || submitter == null) {
            return task;
        }
        return () -> {
            Cell before = CellRouting.bound();
            CellRouting.rebind(submitter);
            try {
                task.run();
            } finally {
                CellRouting.rebind(before);
            }
        };
    }

    public static <T> Callable<T> wrap(Callable<T> task) {
        Cell submitter = CellRouting.bound();
        if (task == null || submitter == null) {
            return task;
        }
        return () -> {
            Cell before = CellRouting.bound();
            CellRouting.rebind(submitter);
            try {
                return task.call();
            } finally {
                CellRouting.rebind(before);
            }
        };
    }

    public static <T> Supplier<T> wrap(Supplier<T> task) {
        Cell submitter = CellRouting.bound();
        if (task == null || submitter == null) {
            return task;
        }
        return () -> {
            Cell before = CellRouting.bound();
            CellRouting.rebind(submitter);
            try {
                return task.get();
            } finally {
                CellRouting.rebind(before);
            }
        };
    }
}
