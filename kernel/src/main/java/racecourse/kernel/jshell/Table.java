package racecourse.kernel.jshell;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for reports in tracebacks. */
final class Table {
    private Table() {
    }

    static List<String> format(List<String> header, List<String[]> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(row(header.toArray(String[]::new), width));
        StringBuilder rule = new StringBuilder("  ");
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        lines.add(rule.toString().stripTrailing());
        for (String[] r : rows) {
            lines.add(row(r, width));
        }
        return lines;
    }

    private static String row(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            b.append(cells[c]).append(" ".repeat(width[c] - cells[c].length() + 2));
        }
        return b.toString().stripTrailing();
    }
}
