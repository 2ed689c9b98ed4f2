package racecourse.kernel.jshell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JShell, evaluating in this JVM through {@link KernelExecutionControl}, with the imports every
 * cell starts with. Replaced as a whole when a %%javac class must be redefined.
 */
final class JavaSession implements AutoCloseable {
    /** What every cell can use without importing: the chapter's packages and the display helpers. */
    static final List<String> IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.*", "java.nio.channels.*",
            "java.nio.charset.*", "java.nio.file.*", "java.time.*", "java.util.*", "java.util.concurrent.*",
            "java.util.concurrent.atomic.*", "java.util.concurrent.locks.*", "java.util.function.*",
            "java.util.stream.*", "racecourse.viz.*", "org.jfree.chart.JFreeChart",
            "static racecourse.kernel.display.Display.*");

    private final KernelExecutionProvider provider = new KernelExecutionProvider();
    private final JShell shell;
    private final List<Path> userClasspath = new ArrayList<>();
    /** Where each snippet came from, for cell line numbers in tracebacks. */
    private final Map<Integer, CellSource> sources = new ConcurrentHashMap<>();
    private final SnippetFrames frames;
    private volatile CellSource evaluating;

    JavaSession(List<Path> classpath) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(quiet).err(quiet)
                .compilerOptions("-Xlint:unchecked", "-proc:none")
                .build();
        // Not as a --class-path compiler option: that would hide what addToClasspath adds later.
        // The runtime loader asks the system class loader first, so kernel classes load only once.
        shell.addToClasspath(System.getProperty("java.class.path"));
        this.frames = new SnippetFrames(shell);
        for (Path p : classpath) {
            addToClasspath(p);
        }
        for (String i : IMPORTS) {
            shell.eval("import " + i + ";");
        }
    }

    List<SnippetEvent> eval(String source, CellSource where) {
        evaluating = where;
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                sources.put(parseId(e.snippet()), where);
            }
        }
        return events;
    }

    CellSource sourceOf(int snippetId) {
        CellSource known = sources.get(snippetId);
        // A snippet still running has no entry yet: it is the one being evaluated.
        return known != null ? known : evaluating;
    }

    /** The traceback of an exception of cell code, in cell lines. */
    List<String> traceback(Throwable e) {
        return Tracebacks.format(e, frames::translate, this::sourceOf);
    }

    /** Where in cell code a thread with this stack is, e.g. "worker (cell [3] line 4)". */
    Optional<String> whereIs(StackTraceElement[] stack) {
        return Tracebacks.innermostUserFrame(frames.translate(stack), this::sourceOf);
    }

    /** The object behind a variable snippet, for rich display. */
    Optional<Object> valueOf(VarSnippet var) {
        try {
            shell.varValue(var);
            return Optional.ofNullable(provider.control().takeLastValue());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The active variable named {@code name}, if any. */
    Optional<VarSnippet> variable(String name) {
        return shell.variables().filter(v -> v.name().equals(name)).reduce((a, b) -> b);
    }

    List<jdk.jshell.Diag> diagnostics(Snippet s) {
        return shell.diagnostics(s).toList();
    }

    /** Names a declaration needs before it can be used. */
    List<String> unresolved(Snippet s) {
        return s instanceof jdk.jshell.DeclarationSnippet d ? shell.unresolvedDependencies(d).toList() : List.of();
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    void addToClasspath(Path entry) {
        shell.addToClasspath(entry.toAbsolutePath().toString());
        userClasspath.add(entry.toAbsolutePath());
    }

    /** The kernel's own class path followed by what cells added. */
    List<Path> classpath() {
        List<Path> all = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!p.isEmpty()) {
                all.add(Path.of(p));
            }
        }
        all.addAll(userClasspath);
        return all;
    }

    List<Path> userClasspath() {
        return List.copyOf(userClasspath);
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int parseId(Snippet s) {
        try {
            return Integer.parseInt(s.id());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
