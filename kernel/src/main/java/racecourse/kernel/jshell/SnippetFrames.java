package racecourse.kernel.jshell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates raw stack frames of snippet code (class {@code REPL.$JShell$12$Worker}, a line of
 * JShell's generated wrapper) into snippet frames ({@code Worker}, file {@code #12}, the line in
 * the snippet), as JShell does for exceptions of the cell's own thread. Needed for threads the cell
 * started: their exceptions and where they wait. JShell keeps this mapping internal, so it is read
 * reflectively (the kernelspec opens jdk.jshell); without access, frames stay as they are.
 *
 * <p>JShell is not thread-safe, and frames are translated on student threads and the shell thread
 * while a cell may be inside {@code eval}. So translation never touches JShell: it reads a snapshot
 * of JShell's wrapper classes ({@link #refresh}, called on the evaluating thread after each
 * evaluation). The wrappers themselves are immutable once made, so a published one is safe to read.
 */
@SuppressWarnings("unchecked")
final class SnippetFrames {
    /** JShell's name of a wrapper class, as its OuterWrapMap matches it: {@code $JShell$12} or {@code $JShell$12B}. */
    private static final Pattern OUTER_CLASS = Pattern.compile("^REPL\\.(?<class>\\$JShell\\$\\w+)[$.]?");
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*\\$");

    /** JShell's live map of wrapper classes, read only by {@link #refresh}; null without access. */
    private final Map<String, ?> live;
    private volatile Map<String, Object> snapshot = Map.of();
    private volatile Method toSnippet;
    private volatile Method toLine;

    SnippetFrames(JShell shell) {
        Map<String, ?> map = null;
        try {
            Field outerMap = JShell.class.getDeclaredField("outerMap");
            outerMap.setAccessible(true);
            Object outers = outerMap.get(shell);
            Field classOuters = outers.getClass().getDeclaredField("classOuters");
            classOuters.setAccessible(true);
            map = (Map<String, ?>) classOuters.get(outers);
        } catch (ReflectiveOperationException | RuntimeException e) {
            map = null;
        }
        this.live = map;
        refresh();
    }

    /** Takes a new snapshot of JShell's wrapper classes; call on the thread that just evaluated. */
    void refresh() {
        if (live != null) {
            try {
                snapshot = Map.copyOf(live);
            } catch (RuntimeException e) {
                // keep the previous snapshot: frames of the newest cell then stay untranslated
            }
        }
    }

    StackTraceElement[] translate(StackTraceElement[] raw) {
        StackTraceElement[] out = new StackTraceElement[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = translate(raw[i]);
        }
        return out;
    }

    StackTraceElement translate(StackTraceElement raw) {
        if (!raw.getClassName().startsWith("REPL.$JShell$")) {
            return raw;
        }
        Matcher m = OUTER_CLASS.matcher(raw.getClassName());
        Object outer = m.find() ? snapshot.get(m.group("class")) : null;
        if (outer == null) {
            return raw;
        }
        try {
            int wrapLine = raw.getLineNumber() - 1;
            if (toSnippet == null) {
                Method snippetOf = outer.getClass().getMethod("wrapLineToSnippet", int.class);
                Method lineOf = findMethod(outer.getClass(), "wrapLineToSnippetLine");
                snippetOf.setAccessible(true);
                lineOf.setAccessible(true);
                toLine = lineOf;
                toSnippet = snippetOf;
            }
            Snippet snippet = (Snippet) toSnippet.invoke(outer, wrapLine);
            if (snippet == null) {
                return raw;
            }
            int line = (int) toLine.invoke(outer, wrapLine) + 1;
            String method = raw.getMethodName().equals("do_it$") ? "" : raw.getMethodName();
            String klass = WRAPPER.matcher(raw.getClassName()).replaceFirst("");
            return new StackTraceElement(klass.startsWith("REPL.") ? "" : klass, method, "#" + snippet.id(), line);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return raw;
        }
    }

    private static Method findMethod(Class<?> c, String name) throws NoSuchMethodException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 1) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
