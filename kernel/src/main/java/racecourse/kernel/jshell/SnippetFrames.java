package racecourse.kernel.jshell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.regex.Pattern;

/**
 * Translates raw stack frames of snippet code (class {@code REPL.$JShell$12$Worker}, a line of
 * JShell's generated wrapper) into snippet frames ({@code Worker}, file {@code #12}, the line in
 * the snippet), as JShell does for exceptions of the cell's own thread. Needed for threads the cell
 * started: their exceptions and where they wait. JShell keeps this mapping internal, so it is read
 * reflectively (the kernelspec opens jdk.jshell); without access, frames stay as they are.
 */
final class SnippetFrames {
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*\\$");

    private final Object outerMap;
    private final Method getOuter;

    SnippetFrames(JShell shell) {
        Object map = null;
        Method outer = null;
        try {
            Field f = JShell.class.getDeclaredField("outerMap");
            f.setAccessible(true);
            map = f.get(shell);
            outer = map.getClass().getDeclaredMethod("getOuter", String.class);
            outer.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            map = null;
            outer = null;
        }
        this.outerMap = map;
        this.getOuter = outer;
    }

    StackTraceElement[] translate(StackTraceElement[] raw) {
        StackTraceElement[] out = new StackTraceElement[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = translate(raw[i]);
        }
        return out;
    }

    StackTraceElement translate(StackTraceElement raw) {
        if (getOuter == null || !raw.getClassName().startsWith("REPL.$JShell$")) {
            return raw;
        }
        try {
            Object outer = getOuter.invoke(outerMap, raw.getClassName());
            if (outer == null) {
                return raw;
            }
            int wrapLine = raw.getLineNumber() - 1;
            Method toSnippet = outer.getClass().getMethod("wrapLineToSnippet", int.class);
            Method toLine = findMethod(outer.getClass(), "wrapLineToSnippetLine");
            toSnippet.setAccessible(true);
            toLine.setAccessible(true);
            Snippet snippet = (Snippet) toSnippet.invoke(outer, wrapLine);
            int line = (int) toLine.invoke(outer, wrapLine) + 1;
            String method = raw.getMethodName().equals("do_it$") ? "" : raw.getMethodName();
            String klass = WRAPPER.matcher(raw.getClassName()).replaceFirst("");
            if (snippet == null) {
                return raw;
            }
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
