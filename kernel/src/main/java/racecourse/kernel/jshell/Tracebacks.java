package racecourse.kernel.jshell;

import jdk.jshell.EvalException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

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
     * @param snippets maps a snippet id ("#12" in JShell's stack frames) to where it came from
     */
    static List<String> format(EvalException e, IntFunction<CellSource> snippets) {
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + className + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            StackTraceElement[] frames = t.getStackTrace();
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
        String method = f.getMethodName() == null || f.getMethodName().isEmpty() ? "" : f.getMethodName() + " ";
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
