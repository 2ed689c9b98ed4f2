package racecourse.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into code and magics. A cell magic is a first line {@code %%name args}; it owns the
 * rest of the cell. A line magic is a line starting with {@code %name}; the code between magics is
 * evaluated in order. (No valid Java line starts with {@code %}, so nothing is misread.)
 */
public final class CellParts {
    private CellParts() {
    }

    public sealed interface Part {
        /** 1-based cell line where this part starts. */
        int line();
    }

    public record Code(String text, int line) implements Part {
    }

    public record LineMagic(String name, String args, int line) implements Part {
    }

    public record CellMagic(String name, String args, String body, int line) implements Part {
    }

    public static List<Part> parse(String cell) {
        return parse(cell, 1);
    }

    /** Parses a cell whose first line is line {@code firstLine} of what the student sees. */
    public static List<Part> parse(String cell, int firstLine) {
        List<Part> parts = parseFromLineOne(cell);
        if (firstLine == 1) {
            return parts;
        }
        int shift = firstLine - 1;
        return parts.stream().map(p -> (Part) switch (p) {
            case Code c -> new Code(c.text(), c.line() + shift);
            case LineMagic m -> new LineMagic(m.name(), m.args(), m.line() + shift);
            case CellMagic m -> new CellMagic(m.name(), m.args(), m.body(), m.line() + shift);
        }).toList();
    }

    private static List<Part> parseFromLineOne(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        if (lines.length > 0 && lines[0].startsWith("%%")) {
            String[] head = nameAndArgs(lines[0].substring(2));
            String body = lines.length > 1 ? cell.substring(cell.indexOf('\n') + 1) : "";
            parts.add(new CellMagic(head[0], head[1], body, 2));
            return parts;
        }
        List<String> code = new ArrayList<>();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("%") && !line.startsWith("%%")) {
                addCode(parts, code, codeStart);
                String[] head = nameAndArgs(line.substring(1));
                parts.add(new LineMagic(head[0], head[1], i + 1));
            } else if (code.isEmpty() && line.isBlank()) {
                continue;
            } else {
                if (code.isEmpty()) {
                    codeStart = i + 1;
                }
                code.add(line);
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    private static void addCode(List<Part> parts, List<String> code, int line) {
        String text = String.join("\n", code).stripTrailing();
        if (!text.isEmpty()) {
            parts.add(new Code(text, line));
        }
        code.clear();
    }

    private static String[] nameAndArgs(String s) {
        String t = s.strip();
        int space = 0;
        while (space < t.length() && !Character.isWhitespace(t.charAt(space))) {
            space++;
        }
        return new String[] {t.substring(0, space), t.substring(space).strip()};
    }
}
