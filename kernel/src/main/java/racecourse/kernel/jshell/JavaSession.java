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

    /**
     * What cells compile against besides the JDK: the jars of the display helpers and racecourse.viz,
     * of JFreeChart, and of jjava's DisplayData (html() returns one). Not the kernel's whole class
     * path, which also holds the autograder, Lincheck, Kotlin, JUnit...: javac would index every one of
     * those jars, and completing {@code org.} would offer their packages to students.
     */
    private static final List<Path> CELL_API = codeSources(racecourse.kernel.display.Display.class,
            racecourse.viz.Timeline.class, org.jfree.chart.JFreeChart.class,
            org.dflib.jjava.jupyter.kernel.display.DisplayData.class);

    private final KernelExecutionProvider provider = new KernelExecutionProvider();
    private final JShell shell;
    private final List<Path> userClasspath = new ArrayList<>();
    /** Where each snippet came from, for cell line numbers in tracebacks. */
    private final Map<Integer, CellSource> sources = new ConcurrentHashMap<>();
    private final SnippetFrames frames;
    private final CompiledCode compiled = new CompiledCode();
    private volatile CellSource evaluating;

    JavaSession(List<Path> classpath) {
        // One look for every chart, a student's ChartFactory chart too (cells run in this JVM).
        org.jfree.chart.ChartFactory.setChartTheme(racecourse.viz.Charts.theme());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        this.shell = buildOnCellApi(provider, quiet);
        this.frames = new SnippetFrames(shell);
        // Threads a running cell starts may fail or deadlock before its eval returns: the snapshot
        // must already hold the cell's own wrapper class when it starts to run.
        provider.control().beforeRun(frames::refresh);
        for (Path p : classpath) {
            addToClasspath(p);
        }
        for (String i : IMPORTS) {
            shell.eval("import " + i + ";");
        }
        frames.refresh();
    }

    /** Evaluates one snippet; {@link Evaluated#className()} names its loaded class when it can run again. */
    Evaluated eval(String source, CellSource where) {
        evaluating = where;
        provider.control().takeLastInvoked();
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } finally {
            frames.refresh(); // translation reads this snapshot, never JShell, from other threads
        }
        String ran = provider.control().takeLastInvoked();
        boolean replayable = ran != null && events.size() == 1 && CompiledCode.isReplayable(events.get(0));
        if (!replayable) {
            compiled.forgetAll(); // a declaration may have changed what any remembered code means
        }
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                sources.put(parseId(e.snippet()), where);
            }
        }
        return new Evaluated(events, replayable ? ran : null);
    }

    record Evaluated(List<SnippetEvent> events, String className) {
    }

    /** Code that ran before and can run again without compiling, if nothing it depends on changed. */
    Optional<List<CompiledCode.Step>> compiled(String text) {
        return compiled.find(text);
    }

    void rememberCompiled(String text, List<CompiledCode.Step> steps) {
        compiled.remember(text, steps);
    }

    /** Runs a remembered snippet again, its frames now pointing at {@code where}. */
    KernelExecutionControl.SnippetRun rerun(CompiledCode.Step step, CellSource where) {
        evaluating = where;
        sources.put(parseId(step.snippet()), where);
        return provider.control().rerun(step.className());
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
        compiled.forgetAll(); // a new class may now shadow a name remembered code resolved elsewhere
        shell.addToClasspath(entry.toAbsolutePath().toString());
        userClasspath.add(entry.toAbsolutePath());
    }

    /** What cells compile against: the cell API's jars followed by what cells added. */
    List<Path> classpath() {
        List<Path> all = new ArrayList<>(CELL_API);
        all.addAll(userClasspath);
        return all;
    }

    /**
     * A JShell whose compiler sees only {@link #CELL_API} besides the JDK. JShell starts its class
     * path from the {@code java.class.path} property, read once as it is built, and has no option to
     * start elsewhere (a --class-path compiler option would hide what addToClasspath adds later). So
     * the property holds the first API jar while JShell is built, and addToClasspath adds the rest,
     * which also sets its compiler's path to exactly that list.
     */
    private static JShell buildOnCellApi(KernelExecutionProvider provider, PrintStream quiet) {
        JShell built;
        synchronized (System.class) {
            String full = System.getProperty("java.class.path");
            System.setProperty("java.class.path", CELL_API.get(0).toString());
            try {
                built = JShell.builder()
                        .executionEngine(provider, Map.of())
                        .out(quiet).err(quiet)
                        .compilerOptions("-Xlint:unchecked", "-proc:none")
                        .build();
            } finally {
                System.setProperty("java.class.path", full);
            }
        }
        List<String> rest = CELL_API.subList(1, CELL_API.size()).stream().map(Path::toString).toList();
        built.addToClasspath(String.join(File.pathSeparator, rest));
        return built;
    }

    private static List<Path> codeSources(Class<?>... classes) {
        List<Path> paths = new ArrayList<>();
        for (Class<?> c : classes) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            } catch (java.net.URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("cannot find the jar of " + c.getName(), e);
            }
        }
        return List.copyOf(paths);
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
