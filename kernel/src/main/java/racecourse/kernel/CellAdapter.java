package racecourse.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** A cell that drops everything; extend it to keep only what you need (a run's output, say). */
public abstract class CellAdapter implements Cell {
    private volatile boolean stopped;

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void markStopped() {
        stopped = true;
    }

    @Override
    public int executionCount() {
        return 1;
    }

    @Override
    public void write(Stream stream, String text) {
    }

    @Override
    public void display(DisplayData data, boolean update) {
    }

    @Override
    public void clearOutput(boolean wait) {
    }

    @Override
    public String readLine(String prompt, boolean password) {
        throw new IllegalStateException("this cell has no front end to ask for input");
    }

    @Override
    public void flush() {
    }
}
