package racecourse.kernel.jshell;

import jdk.jshell.Diag;
import racecourse.kernel.SourcePointer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compiler diagnostics of a snippet, in cell terms (see {@link SourcePointer}). */
final class CompileErrors {
    static final String NAME = "CompileError";

    private CompileErrors() {
    }

    /** Lines of the traceback for the errors in {@code source} (a snippet starting at {@code where}). */
    static List<String> format(String source, CellSource where, List<Diag> diags) {
        List<String> lines = new ArrayList<>();
        for (Diag d : diags) {
            if (d.isError()) {
                int pos = (int) (d.getPosition() < 0 ? Math.max(0, d.getStartPosition()) : d.getPosition());
                lines.addAll(SourcePointer.lines(where.describe(SourcePointer.lineOf(source, pos)),
                        withoutWrapperNames(d.getMessage(Locale.ROOT)), source, pos));
            }
        }
        return lines;
    }

    /** JShell wraps snippets in unnamed classes; javac's "location: class " line then says nothing. */
    private static String withoutWrapperNames(String message) {
        return message.replaceAll("\\n\\s*location: class\\s*(?=\\n|$)", "");
    }

    /** The first error's message, one line: the error's {@code evalue}. */
    static String summary(List<Diag> diags) {
        return diags.stream().filter(Diag::isError).findFirst()
                .map(d -> d.getMessage(Locale.ROOT).split("\n")[0])
                .orElse("the code does not compile");
    }
}
