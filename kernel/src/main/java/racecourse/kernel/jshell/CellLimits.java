package racecourse.kernel.jshell;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %%timeout 10s} on a cell's first line: the cell is stopped after that long. Read before
 * the cell starts, because it is the shell thread, not the cell, that keeps the time.
 */
record CellLimits(String body, int firstLine, long deadline, long limitNanos) {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?");
    static final String MAGIC = "%%timeout";

    static CellLimits parse(String code) {
        if (!code.startsWith(MAGIC)) {
            return new CellLimits(code, 1, 0, 0);
        }
        int nl = code.indexOf('\n');
        String args = (nl < 0 ? code : code.substring(0, nl)).substring(MAGIC.length()).strip();
        Matcher m = DURATION.matcher(args);
        if (!m.matches()) {
            throw new IllegalArgumentException("%%timeout needs a duration such as 10s, 500ms or 2m; got '" + args + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos = amount * switch (unit) {
            case "ms" -> 1e6;
            case "m", "min" -> 60e9;
            default -> 1e9;
        };
        if (nanos <= 0 || nanos > 24 * 3600e9) {
            throw new IllegalArgumentException("%%timeout must be between 1 ms and 24 h; got '" + args + "'");
        }
        return new CellLimits(nl < 0 ? "" : code.substring(nl + 1), 2, System.nanoTime() + (long) nanos, (long) nanos);
    }

    static String human(long nanos) {
        return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
    }
}
