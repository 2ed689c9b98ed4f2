package racecourse.kernel.threads;

/**
 * Thrown at a stop check in the code of a cell that was interrupted, timed out or deadlocked. The
 * JDK weaves a stop check into every loop of cell code, so even a tight loop that ignores
 * {@link Thread#interrupt()} ends. An {@link Error}, so {@code catch (Exception e)} lets it through.
 */
public final class CellStopped extends Error {
    public CellStopped() {
        super("the cell was stopped", null, false, false);
    }
}
