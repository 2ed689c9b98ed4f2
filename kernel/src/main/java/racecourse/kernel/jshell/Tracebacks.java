package racecourse.kernel.jshell;

import jdk.jshell.EvalException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Turns an exception thrown by cell code into the traceback a student needs: the exception, its
 * message, and the frames of user code with cell line numbers. Frames of the kernel, of JShell's
 * machinery and of reflection are dropped; frames of libraries the user called are kept up to the
 * outermost user frame, since they say where inside the library things went wrong.
 */
final class Tracebacks {
    private Tracebacks() {
    }

    /**
     * @param e         an exception of cell code: JShell's {@link EvalException} for the cell's own
     *                  thread, or the real exception of a thread the cell started
     * @param translate turns raw frames of snippet classes into snippet frames (see SnippetFrames)
     * @param snippets  maps a snippet id ("#12" in snippet frames) to where it came from
     */
    static List<String> format(Throwable e, UnaryOperator<StackTraceElement[]> translate,
                               IntFunction<CellSource> snippets) {
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + className + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            StackTraceElement[] frames = translate.apply(t.getStackTrace());
            int last = lastUserFrame(frames);
            for (int i = 0; i <= last; i++) {
                lines.add("    at " + describe(frames[i], snippets));
            }
            if (last < 0) {
                for (StackTraceElement f : frames) {
                    if (isMachinery(f)) {
                        break;
                    }
                    lines.add("    at " + f);
                }
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    /** "method (cell [3] line 2)" for the innermost frame of cell code in a raw stack, if any. */
    static java.util.Optional<String> innermostUserFrame(StackTraceElement[] translated,
                                                         IntFunction<CellSource> snippets) {
        for (StackTraceElement f : translated) {
            if (snippetId(f) >= 0) {
                return java.util.Optional.of(describe(f, snippets));
            }
        }
        return java.util.Optional.empty();
    }

    static String describe(UnresolvedReferenceException e) {
        return e.getSnippet() + " uses a name that is not declared yet; declare it, then run this cell again";
    }

    private static int lastUserFrame(StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (snippetId(frames[i]) >= 0) {
                last = i;
            }
        }
        return last;
    }

    private static String describe(StackTraceElement f, IntFunction<CellSource> snippets) {
        int id = snippetId(f);
        if (id < 0) {
            return f.toString();
        }
        CellSource where = snippets.apply(id);
        String name = f.getMethodName() == null ? "" : f.getMethodName();
        // javac names a lambda lambda$enclosing$N; the student wrote no such name.
        String method = name.isEmpty() ? "" : (name.startsWith("lambda$") ? "lambda" : name) + " ";
        String place = where == null ? "an earlier cell" : where.describe(Math.max(1, f.getLineNumber()));
        return method.isEmpty() ? place : method + "(" + place + ")";
    }

    /** JShell names the file of a snippet's frames "#ID". */
    private static int snippetId(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) {
            return -1;
        }
        try {
            return Integer.parseInt(file.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isMachinery(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("racecourse.kernel.");
    }
}
