package racecourse.cli.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a reference solution into the skeleton students get: a pure function from text to text.
 *
 * <p>The rules (also in solutions/README.md):
 * <ul>
 *   <li>A marker is a line that holds nothing but the marker, after optional indentation:
 *       {@code // BEGIN SOLUTION}, {@code // BEGIN SOLUTION (throw)} or {@code // END SOLUTION}.
 *       Markers are therefore never recognised inside a string literal or after code on the same
 *       line; a text block line that holds only a marker would be, so do not write one.</li>
 *   <li>Each region, from a BEGIN line to the next END line inclusive, becomes one line
 *       {@code // TODO} with the BEGIN line's indentation. After {@code (throw)}, a second line
 *       {@code throw new UnsupportedOperationException("TODO");} follows, with the same
 *       indentation: use it where the code must not fall through (a method that returns a value,
 *       or one that would silently do nothing). Such a region must end its block, or the
 *       skeleton would not compile (unreachable code).</li>
 *   <li>Regions do not nest. A BEGIN inside a region, an END outside one, a region still open at
 *       the end of the file, and a comment line that mentions BEGIN/END SOLUTION but is not
 *       exactly a marker (a typo such as {@code //BEGIN SOLUTION} or {@code // END SOLUTIONS})
 *       are errors, reported with their line number.</li>
 *   <li>Everything else, line endings included, is copied unchanged; a text without markers comes
 *       back unchanged.</li>
 * </ul>
 */
public final class SkeletonGenerator {
    public static final String TODO = "// TODO";
    public static final String THROW = "throw new UnsupportedOperationException(\"TODO\");";

    private static final Pattern BEGIN = Pattern.compile("([ \\t]*)// BEGIN SOLUTION( \\(throw\\))?[ \\t]*");
    private static final Pattern END = Pattern.compile("[ \\t]*// END SOLUTION[ \\t]*");
    /** A comment line that looks like it wants to be a marker. */
    private static final Pattern SUSPICIOUS = Pattern.compile(
            "[ \\t]*(//|/\\*).*\\b(BEGIN|END)[ \\t_]*SOLUTION.*", Pattern.CASE_INSENSITIVE);

    private SkeletonGenerator() {
    }

    /** A marker that is misplaced or malformed, at a 1-based line number. */
    public static final class MarkerException extends IllegalArgumentException {
        private final int line;

        MarkerException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        /** The 1-based line number of the offending line. */
        public int line() {
            return line;
        }
    }

    /**
     * The skeleton of {@code solution}: every region replaced as described in the class comment.
     *
     * @throws MarkerException if the markers are unbalanced, nested or malformed
     */
    public static String strip(String solution) {
        StringBuilder out = new StringBuilder(solution.length());
        int openLine = 0;                       // line of the open BEGIN, 0 when outside a region
        int lineNo = 0;
        for (String[] line : lines(solution)) {
            lineNo++;
            String text = line[0];
            String eol = line[1];
            Matcher begin = BEGIN.matcher(text);
            if (begin.matches()) {
                if (openLine != 0) {
                    throw new MarkerException(lineNo, "BEGIN SOLUTION inside the region opened at line "
                            + openLine + " (regions do not nest)");
                }
                openLine = lineNo;
                String indent = begin.group(1);
                // A region at the very end of a file without a final newline still gets one per line.
                String nl = eol.isEmpty() ? "\n" : eol;
                out.append(indent).append(TODO).append(nl);
                if (begin.group(2) != null) {
                    out.append(indent).append(THROW).append(nl);
                }
            } else if (END.matcher(text).matches()) {
                if (openLine == 0) {
                    throw new MarkerException(lineNo, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                openLine = 0;
            } else if (SUSPICIOUS.matcher(text).matches()) {
                throw new MarkerException(lineNo, "malformed marker '" + text.strip()
                        + "': a marker line holds exactly '// BEGIN SOLUTION', '// BEGIN SOLUTION (throw)'"
                        + " or '// END SOLUTION'");
            } else if (openLine == 0) {
                out.append(text).append(eol);
            }
        }
        if (openLine != 0) {
            throw new MarkerException(openLine, "BEGIN SOLUTION is never closed by an END SOLUTION");
        }
        return out.toString();
    }

    /** Whether {@code solution} has at least one well-formed region. */
    public static boolean hasRegions(String solution) {
        for (String[] line : lines(solution)) {
            if (BEGIN.matcher(line[0]).matches()) {
                return true;
            }
        }
        return false;
    }

    /** How every generated file starts; also how release recognises the files it generated. */
    public static final String HEADER_PREFIX = "// Generated from solutions/";

    /**
     * The whole generated file for the solution {@code fileName} (e.g. {@code BoundedBuffer.java}):
     * a header comment followed by {@link #strip}.
     *
     * @throws MarkerException if the markers are unbalanced, nested or malformed
     */
    public static String generate(String fileName, String solution) {
        String baseName = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String header = HEADER_PREFIX + "src/main/java/exercises/" + fileName + " by `bin/racecourse release`.\n"
                + "// This is the file you edit: replace each TODO with your code, keep the public API as it is.\n"
                + "// The problem statement is exercises/" + baseName + ".md.\n"
                + "\n";
        return header + strip(solution);
    }

    /** The lines of {@code s}, each as {text, line terminator ("" for a last line without one)}. */
    private static List<String[]> lines(String s) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        while (start < n) {
            int i = start;
            while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            int end = i;
            if (i < n && s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (i < n) {
                i++;
            }
            lines.add(new String[] {s.substring(start, end), s.substring(end, i)});
            start = i;
        }
        return lines;
    }
}
