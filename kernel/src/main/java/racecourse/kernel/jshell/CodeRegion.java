package racecourse.kernel.jshell;

/**
 * The part of a cell a cursor is in: a magic line, or the Java code between magic lines. Offsets
 * are into the cell ({@code start}) and into {@code text} ({@code cursor}).
 */
record CodeRegion(String text, int start, int cursor, boolean isMagicLine) {

    static CodeRegion around(String cell, int cursor) {
        int c = Math.max(0, Math.min(cursor, cell.length()));
        int lineStart = cell.lastIndexOf('\n', c - 1) + 1;
        int lineEnd = cell.indexOf('\n', c);
        if (lineEnd < 0) {
            lineEnd = cell.length();
        }
        String line = cell.substring(lineStart, lineEnd);
        if (line.startsWith("%")) {
            return new CodeRegion(line, lineStart, c - lineStart, true);
        }
        // Java code runs from after the previous magic line to before the next one.
        int start = lineStart;
        while (start > 0) {
            int prevStart = cell.lastIndexOf('\n', start - 2) + 1;
            if (cell.startsWith("%", prevStart)) {
                break;
            }
            start = prevStart;
        }
        int end = lineEnd;
        while (end < cell.length()) {
            int nextStart = end + 1;
            if (cell.startsWith("%", nextStart) && !cell.startsWith("%%", nextStart)) {
                break;
            }
            int nextEnd = cell.indexOf('\n', nextStart);
            end = nextEnd < 0 ? cell.length() : nextEnd;
        }
        return new CodeRegion(cell.substring(start, end), start, c - start, false);
    }
}
