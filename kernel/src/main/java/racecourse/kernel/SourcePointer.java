package racecourse.kernel;

import java.util.List;

/**
 * A compiler error as javac shows it: where, what, the source line, and a caret under the column.
 * Shared by JShell cells and %%javac so both read the same.
 */
public final class SourcePointer {
    private SourcePointer() {
    }

    /**
     * @param where  e.g. "cell [3] line 2"
     * @param source the whole source the error is in
     * @param offset the error's character offset into {@code source}
     */
    public static List<String> lines(String where, String message, String source, int offset) {
        int pos = Math.max(0, Math.min(source.length(), offset));
        int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
        int lineEnd = source.indexOf('\n', pos);
        String code = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        String[] msg = message.split("\n");
        List<String> lines = new java.util.ArrayList<>();
        lines.add(where + ": error: " + msg[0]);
        lines.add("    " + code);
        lines.add("    " + caret(code, pos - lineStart));
        for (int i = 1; i < msg.length; i++) {
            lines.add(msg[i]);
        }
        return lines;
    }

    /** Blanks (tabs kept as tabs, so the caret lines up in any front end) and a caret at {@code column}. */
    public static String caret(String code, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column && i < code.length(); i++) {
            caret.append(code.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }

    /** 1-based line of {@code offset} in {@code text}. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
