package racecourse.kernel.jshell;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.threads.CellGroup;

import java.util.concurrent.CompletableFuture;

/** The cell being executed: what the shell thread watches while the runner thread works. */
final class RunningCell {
    final Cell cell;
    final CellGroup group;
    /** System.nanoTime() at which %%timeout ends the cell, or 0. */
    final long deadline;
    final long limitNanos;
    final CompletableFuture<Outcome> done = new CompletableFuture<>();
    volatile boolean interruptRequested;

    RunningCell(Cell cell, CellGroup group, long deadline, long limitNanos) {
        this.cell = cell;
        this.group = group;
        this.deadline = deadline;
        this.limitNanos = limitNanos;
    }
}
