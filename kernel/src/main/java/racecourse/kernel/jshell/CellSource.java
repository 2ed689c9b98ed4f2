package racecourse.kernel.jshell;

/**
 * Where a piece of source came from: cell {@code executionCount}, starting at cell line
 * {@code firstLine} (1-based). Used to turn snippet positions into cell lines in messages.
 */
record CellSource(int executionCount, int firstLine) {

    /** The cell line of line {@code snippetLine} (1-based) of a snippet that starts here. */
    int cellLine(int snippetLine) {
        return firstLine + snippetLine - 1;
    }

    String describe(int snippetLine) {
        return "cell [" + executionCount + "] line " + cellLine(snippetLine);
    }
}
