package racecourse.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * One execution of one cell as the engine sees it: where its output goes. Output may arrive from
 * any thread the cell started, also after the cell has finished; it still lands in this cell.
 */
public interface Cell {
    enum Stream { STDOUT, STDERR }

    int executionCount();

    void write(Stream stream, String text);

    /** Publishes a display_data (or update_display_data when {@code update}). */
    void display(DisplayData data, boolean update);

    void clearOutput(boolean wait);

    /** Asks the front end for a line of input; throws if this cell may not ask. */
    String readLine(String prompt, boolean password);

    /** Sends everything written so far before returning. */
    void flush();

    /**
     * When the front end asked for this cell to run, by its clock (the request's header date), or
     * null if unknown. An interrupt sent after that, and arriving before the cell started, is the
     * student interrupting this cell.
     */
    default java.time.Instant requestedAt() {
        return null;
    }

    /**
     * Whether Kernel > Interrupt (or its watchdog) stopped this cell: its threads' loops then end at
     * their next stop check. Read on every loop back-edge of a stopped cell's code, so a plain
     * volatile flag of the cell, set once, never cleared.
     */
    boolean stopped();

    /** Marks this cell stopped (see {@link #stopped()}). */
    void markStopped();

    /** The cell this one stands for (a cell run repeatedly by %%repeat stands for the real cell). */
    default Cell origin() {
        return this;
    }
}
