package racecourse.kernel.output;

import racecourse.kernel.Cell;
import racecourse.kernel.threads.CellGroup;
import racecourse.kernel.threads.TrackedThreads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tasks handed over by cell code remember the cell that handed them over: to an executor, to a
 * CompletableFuture async stage, to a virtual thread ({@code Thread.ofVirtual().start(r)},
 * {@code Thread.startVirtualThread(r)}), to a thread factory. While such a task runs, its thread
 * writes to that cell and is one of the cell's threads ({@link TrackedThreads}), so %threads,
 * %stop, Interrupt and the watchdog see it. A pool made in one cell keeps its threads, and their
 * binding, when a later cell submits to it; without this, the later cell's output would land in
 * the earlier cell. Called from cell code rewritten by {@link TaskRewriter}.
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

    public static <T, R> Function<T, R> wrap(Function<T, R> task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : x -> inCell(submitter, () -> task.apply(x));
    }

    public static <T> Consumer<T> wrap(Consumer<T> task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : x -> inCell(submitter, () -> {
            task.accept(x);
            return null;
        });
    }

    public static <T, U, R> BiFunction<T, U, R> wrap(BiFunction<T, U, R> task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : (x, y) -> inCell(submitter, () -> task.apply(x, y));
    }

    public static <T, U> BiConsumer<T, U> wrap(BiConsumer<T, U> task) {
        Cell submitter = CellRouting.bound();
        return task == null || submitter == null ? task : (x, y) -> inCell(submitter, () -> {
            task.accept(x, y);
            return null;
        });
    }

    /**
     * The task of a thread made by cell code ({@code Thread.Builder.unstarted},
     * {@code ThreadFactory.newThread}): the thread writes to the cell and counts as one of its
     * threads from its start to its end.
     */
    public static Runnable wrapThread(Runnable task) {
        Cell maker = CellRouting.bound();
        return task == null || maker == null ? task : new ThreadTask(maker, task);
    }

    /**
     * A class rather than a lambda: one frame, not two, under every task on the thread's stack,
     * which a parked virtual thread keeps in the heap (see bench/VirtualThreadTracking.java).
     */
    private record ThreadTask(Cell maker, Runnable task) implements Runnable {
        @Override
        public void run() {
            Cell before = CellRouting.bound();
            CellRouting.rebind(maker);
            TrackedThreads.add(maker, Thread.currentThread());
            try {
                task.run();
            } finally {
                TrackedThreads.forget();
                CellRouting.rebind(before);
            }
        }
    }

    /** {@code builder.start(task)} in cell code: the thread counts as the cell's from the moment it starts. */
    public static Thread start(Thread.Builder builder, Runnable task) {
        Thread t = builder.unstarted(wrapThread(task));
        start(t);
        return t;
    }

    /** {@code Thread.startVirtualThread(task)} in cell code. */
    public static Thread startVirtualThread(Runnable task) {
        return start(Thread.ofVirtual(), task);
    }

    /**
     * {@code thread.start()} in cell code. A virtual thread is tracked before it starts, so the cell
     * knows it even before the scheduler first runs it; a platform thread is found through its
     * cell's thread group.
     */
    public static void start(Thread thread) {
        Cell starter = CellRouting.bound();
        if (starter != null && thread.isVirtual()) {
            TrackedThreads.add(starter, thread);
            // An exception nobody catches shows in the cell as for a platform thread of the cell
            // (CellGroup), unless the code chose its own handler.
            if (thread.getUncaughtExceptionHandler() == thread.getThreadGroup()
                    && Thread.currentThread().getUncaughtExceptionHandler() instanceof CellGroup group) {
                thread.setUncaughtExceptionHandler(group);
            }
        }
        thread.start();
    }

    /** invokeAll and invokeAny: each task of the collection. */
    public static <T> Collection<Callable<T>> wrapAll(Collection<Callable<T>> tasks) {
        if (tasks == null || CellRouting.bound() == null) {
            return tasks;
        }
        List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            wrapped.add(wrap(t));
        }
        return wrapped;
    }

    /** Runs {@code task} with the current thread bound to, and tracked as a thread of, {@code cell}. */
    private static <T, E extends Exception> T inCell(Cell cell, CellWork<T, E> task) throws E {
        Cell before = CellRouting.bound();
        CellRouting.rebind(cell);
        Set<Thread> tracked = TrackedThreads.enter(cell);
        try {
            return task.call();
        } finally {
            TrackedThreads.leave(tracked);
            CellRouting.rebind(before);
        }
    }

    /** A Callable whose exception type follows the task's, so Runnable and Supplier throw nothing checked. */
    private interface CellWork<T, E extends Exception> {
        T call() throws E;
    }
}
