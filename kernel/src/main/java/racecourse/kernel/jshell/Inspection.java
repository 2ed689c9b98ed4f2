package racecourse.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.List;
import java.util.Optional;

/** inspect_request: signature and javadoc of the name under the cursor. */
final class Inspection {
    private Inspection() {
    }

    static Optional<DisplayData> of(SourceCodeAnalysis sca, String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = documentation(sca, code, cursor);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                text.append("\n\n").append(d.javadoc().strip());
            }
        }
        return Optional.of(new DisplayData(text.toString()));
    }

    /**
     * JShell documents the call the cursor is in ({@code Math.max(|}); a cursor on a name
     * ({@code Math.ma|x} or {@code Math.max|}) means that name, so it is tried as a call too.
     */
    private static List<SourceCodeAnalysis.Documentation> documentation(SourceCodeAnalysis sca, String code,
                                                                       int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = sca.documentation(code, cursor, true);
        if (!docs.isEmpty()) {
            return docs;
        }
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (end == 0 || !Character.isJavaIdentifierPart(code.charAt(end - 1))) {
            return docs;
        }
        String asCall = code.substring(0, end) + "(";
        docs = sca.documentation(asCall, asCall.length(), true);
        if (!docs.isEmpty()) {
            return docs;
        }
        // A type or variable name: documentation of the name itself.
        return sca.documentation(code.substring(0, end), end, true);
    }
}
