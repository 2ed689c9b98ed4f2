package racecourse.kernel.jshell;

import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import racecourse.kernel.Cell;
import racecourse.kernel.KernelLog;
import racecourse.kernel.Interpreter;
import racecourse.kernel.Version;
import racecourse.kernel.display.Display;
import racecourse.kernel.magic.CellParts;
import racecourse.kernel.magic.MagicContext;
import racecourse.kernel.magic.Magics;
import racecourse.kernel.threads.CellThreads;
import racecourse.kernel.threads.Stops;
import racecourse.kernel.threads.Watchdog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Java cells on JShell, evaluated in the kernel's own JVM. */
public final class JShellInterpreter implements Interpreter {
    private final Magics magics = Magics.standard();
    private final Path workRoot;
    private final AtomicInteger workFolders = new AtomicInteger();
    /** Built in the background at start, so the kernel answers kernel_info while JShell warms up. */
    private volatile CompletableFuture<JavaSession> session;
    /** Folders of %%javac output, newest first, and the classes they hold. */
    private final List<Path> compiledFolders = new ArrayList<>();
    private final Set<String> compiledClasses = new HashSet<>();
    private final CellSupervisor supervisor = new CellSupervisor(this::session, this::replaceSession);
    private final java.util.concurrent.atomic.AtomicBoolean cellRunning = new java.util.concurrent.atomic.AtomicBoolean();
    private final Warmup warmup;
    /** The kernel's own threads' group (the constructor runs on the kernel's main thread), not a cell's. */
    private final ThreadGroup kernelThreads = Thread.currentThread().getThreadGroup();

    public JShellInterpreter() {
        try {
            this.workRoot = Files.createTempDirectory("racecourse-kernel-");
            workRoot.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Made here, on the kernel's main thread, so that it belongs to no cell's thread group.
        this.warmup = new Warmup(cellRunning);
        // The JIT warm-up starts once the student's session is ready, so on two cores it never
        // slows the first cell down.
        this.session = CompletableFuture.supplyAsync(() -> warm(new JavaSession(List.of())));
        session.thenRun(warmup::startInBackground);
    }

    private static JavaSession warm(JavaSession s) {
        // Compile a few snippets once so javac and the JIT are warm before the first cell.
        SourceCodeAnalysis sca = s.analysis();
        sca.analyzeCompletion("int x = 1; x");
        sca.completionSuggestions("Math.ma", 7, new int[1]);
        return s;
    }

    private JavaSession session() {
        return session.join();
    }

    @Override
    public Outcome execute(String code, Cell cell) {
        CellLimits limits;
        try {
            limits = CellLimits.parse(code);
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed("MagicError", e.getMessage(), List.of(e.getMessage()));
        }
        cellRunning.set(true);
        try {
            return supervisor.run(cell, limits, c -> runCell(limits.body(), limits.firstLine(), c));
        } finally {
            cellRunning.set(false);
            cell.flush();
        }
    }

    /** A new session for later cells (after %%javac redefined a class, or a cell stuck for good); the old one is closed. */
    private void replaceSession() {
        JavaSession old;
        synchronized (compiledFolders) {
            old = session();
            List<Path> cp = new ArrayList<>(compiledFolders);
            cp.addAll(old.userClasspath().stream().filter(p -> !compiledFolders.contains(p)).toList());
            session = CompletableFuture.completedFuture(new JavaSession(cp));
        }
        retire(old);
    }

    /**
     * Closes a replaced session on a kernel thread of its own: a stuck cell may still be inside the
     * old JShell, and the cell being answered must not wait for it. Made in the kernel's thread group,
     * so the closer never shows as a thread the student's cell started.
     */
    private void retire(JavaSession old) {
        Thread closer = new Thread(kernelThreads, () -> {
            try {
                old.close();
                KernelLog.write("closed a replaced Java session");
            } catch (RuntimeException e) {
                KernelLog.write("could not close a replaced Java session", e);
            }
        }, "racecourse-session-closer");
        closer.setDaemon(true);
        closer.start();
    }

    /** Runs the parts of a cell (code and magics) in order, on the cell's runner thread. */
    private Outcome runCell(String code, int firstLine, Cell cell) {
        List<CellParts.Part> parts = CellParts.parse(code, firstLine);
        Optional<DisplayData> value = Optional.empty();
        boolean quiet = code.stripTrailing().endsWith(";");
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            Outcome outcome = switch (parts.get(i)) {
                case CellParts.Code c -> evalCode(c.text(), c.line(), cell, last && !quiet);
                case CellParts.LineMagic m -> runMagic(m.name(), m.args(), null, m.line(), cell, false);
                case CellParts.CellMagic m -> runMagic(m.name(), m.args(), m.body(), m.line(), cell, true);
            };
            if (Stops.isStopped(cell)) {
                return Interrupts.interrupted();
            }
            if (outcome instanceof Outcome.Failed) {
                return outcome;
            }
            value = ((Outcome.Ok) outcome).value();
        }
        return new Outcome.Ok(value);
    }

    /** Evaluates Java source snippet by snippet, stopping at the first error. */
    Outcome evalCode(String text, int firstLine, Cell cell, boolean wantValue) {
        JavaSession s = session();
        Optional<List<CompiledCode.Step>> again = s.compiled(text);
        if (again.isPresent()) {
            return runAgain(s, again.get(), firstLine, cell, wantValue);
        }
        SourceCodeAnalysis sca = s.analysis();
        String rest = text;
        int offset = 0;
        SnippetEvent last = null;
        List<CompiledCode.Step> steps = new ArrayList<>();
        boolean replayable = true;
        while (!rest.isBlank()) {
            // Start each snippet at its first character, so its line 1 is the cell line it starts on.
            int lead = 0;
            while (Character.isWhitespace(rest.charAt(lead))) {
                lead++;
            }
            offset += lead;
            rest = rest.substring(lead);
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String source;
            int consumed;
            if (info.completeness().isComplete()) {
                source = info.source();
                consumed = rest.length() - info.remaining().length();
            } else {
                source = rest; // incomplete: let the compiler say what is missing
                consumed = rest.length();
            }
            int lineOffset = racecourse.kernel.SourcePointer.lineOf(text, offset) - 1;
            CellSource where = new CellSource(cell.executionCount(), firstLine + lineOffset);
            JavaSession.Evaluated evaluated = s.eval(source, where);
            if (Stops.isStopped(cell)) {
                return Interrupts.interrupted();
            }
            for (SnippetEvent e : evaluated.events()) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                Optional<Outcome> failure = failureOf(s, e, source, where, cell);
                if (failure.isPresent()) {
                    return failure.get();
                }
                last = e;
            }
            if (evaluated.className() == null) {
                replayable = false;
            } else {
                steps.add(new CompiledCode.Step(evaluated.events().get(0).snippet(), evaluated.className(), lineOffset));
            }
            offset += consumed;
            rest = offset >= text.length() ? "" : text.substring(offset);
        }
        if (replayable && !steps.isEmpty()) {
            s.rememberCompiled(text, steps);
        }
        return new Outcome.Ok(wantValue && last != null && last.value() != null
                ? display(s, last.snippet(), last.value(), Optional.empty()) : Optional.empty());
    }

    /** Runs code that ran before from its loaded classes: what evalCode would do, without javac. */
    private Outcome runAgain(JavaSession s, List<CompiledCode.Step> steps, int firstLine, Cell cell, boolean wantValue) {
        KernelExecutionControl.SnippetRun run = null;
        for (CompiledCode.Step step : steps) {
            run = s.rerun(step, new CellSource(cell.executionCount(), firstLine + step.lineOffset()));
            if (Stops.isStopped(cell) || run.failure() instanceof racecourse.kernel.threads.CellStopped) {
                return Interrupts.interrupted();
            }
            if (run.failure() instanceof racecourse.kernel.exit.ExitCalled exit) {
                return systemExit(exit.getMessage());
            }
            if (run.failure() != null) {
                Throwable t = run.failure();
                return new Outcome.Failed(t.getClass().getName(), t.getMessage() == null ? "" : t.getMessage(),
                        s.traceback(t));
            }
        }
        CompiledCode.Step last = steps.get(steps.size() - 1);
        if (!wantValue || !last.hasValue()) {
            return new Outcome.Ok(Optional.empty());
        }
        return new Outcome.Ok(display(s, last.snippet(), run.valueText(), Optional.ofNullable(run.value())));
    }

    private Optional<Outcome> failureOf(JavaSession s, SnippetEvent e, String source, CellSource where, Cell cell) {
        if (e.status() == Snippet.Status.REJECTED) {
            List<jdk.jshell.Diag> diags = s.diagnostics(e.snippet());
            return Optional.of(new Outcome.Failed(CompileErrors.NAME, CompileErrors.summary(diags),
                    CompileErrors.format(source, where, diags)));
        }
        if (e.exception() instanceof EvalException ee
                && ee.getExceptionClassName().equals(racecourse.kernel.exit.ExitCalled.class.getName())) {
            return Optional.of(systemExit(ee.getMessage()));
        }
        if (e.exception() instanceof EvalException ee) {
            return Optional.of(new Outcome.Failed(ee.getExceptionClassName(),
                    ee.getMessage() == null ? "" : ee.getMessage(), s.traceback(ee)));
        }
        if (e.exception() instanceof UnresolvedReferenceException ure) {
            String msg = Tracebacks.describe(ure);
            return Optional.of(new Outcome.Failed("UnresolvedReference", msg, List.of(msg)));
        }
        if (e.exception() != null) {
            return Optional.of(new Outcome.Failed(e.exception().getClass().getSimpleName(),
                    String.valueOf(e.exception().getMessage()), List.of(String.valueOf(e.exception()))));
        }
        if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            cell.write(Cell.Stream.STDERR, "note: " + describe(e.snippet()) + " can be used once "
                    + String.join(", ", s.unresolved(e.snippet())) + " is declared\n");
        }
        return Optional.empty();
    }

    /** A cell that called System.exit (or halt): it ends, the session stays. */
    private static Outcome.Failed systemExit(String message) {
        return new Outcome.Failed("SystemExit", message, List.of("SystemExit: " + message));
    }

    private static String describe(Snippet snippet) {
        return switch (snippet) {
            case jdk.jshell.MethodSnippet m -> "method " + m.name() + "(" + m.parameterTypes() + ")";
            case jdk.jshell.TypeDeclSnippet t -> "class " + t.name();
            case VarSnippet v -> "variable " + v.name();
            default -> "this code";
        };
    }

    /**
     * The cell's execute_result: the value of a trailing expression, rendered richly when possible.
     * {@code known} is the value object when the caller has it; otherwise it is read from the session.
     */
    private static Optional<DisplayData> display(JavaSession s, Snippet snippet, String valueText, Optional<Object> known) {
        Optional<Object> object = known;
        if (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            object = object.isPresent() ? object : s.valueOf(v);
        } else if (snippet instanceof ExpressionSnippet x) {
            object = object.isPresent() ? object : s.variable(x.name()).flatMap(s::valueOf);
        } else {
            return Optional.empty(); // a declaration as the last line shows nothing, as in JShell's quiet mode
        }
        if (object.orElse(null) instanceof racecourse.kernel.display.DisplayHandle) {
            return Optional.empty(); // display(x) as the last line: x is already shown
        }
        DisplayData data = object.map(Display::render).map(DisplayData::new).orElseGet(DisplayData::new);
        boolean rich = object.isPresent() && data.getData(MIMEType.TEXT_PLAIN) != null
                && hasRichType(data);
        if (!rich) {
            // JShell's own text form: strings quoted, chars in single quotes, as a Java developer expects.
            data.putText(valueText);
        }
        return Optional.of(data);
    }

    private static boolean hasRichType(DisplayData data) {
        for (MIMEType t : List.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN, MIMEType.IMAGE_SVG,
                MIMEType.IMAGE_JPEG, MIMEType.IMAGE_GIF)) {
            if (data.hasDataForType(t)) {
                return true;
            }
        }
        return false;
    }

    private Outcome runMagic(String name, String args, String body, int line, Cell cell, boolean cellMagic) {
        return magics.run(name, cellMagic, args, body, line, new SessionContext(cell));
    }

    @Override
    public Completion complete(String code, int cursor) {
        CodeRegion region = CodeRegion.around(code, cursor);
        if (region.isMagicLine()) {
            List<String> names = magics.namesStartingWith(region.text().substring(0, region.cursor()));
            return new Completion(names, region.start(), cursor);
        }
        SourceCodeAnalysis sca = session().analysis();
        SnippetAt at = SnippetAt.find(sca, region.text(), region.cursor());
        int[] anchor = new int[1];
        LinkedHashSet<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion sg : sca.completionSuggestions(at.text(), at.cursor(), anchor)) {
            matches.add(sg.continuation());
        }
        return new Completion(new ArrayList<>(matches), region.start() + at.start() + anchor[0], cursor);
    }

    @Override
    public Optional<DisplayData> inspect(String code, int cursor, int detailLevel) {
        CodeRegion region = CodeRegion.around(code, cursor);
        if (region.isMagicLine()) {
            return magics.help(region.text().strip()).map(DisplayData::new);
        }
        // Here, not at start: opening the JDK's src.zip takes ~0.1 s, which the first cell must not wait for.
        CourseSources.install();
        SourceCodeAnalysis sca = session().analysis();
        SnippetAt at = SnippetAt.find(sca, region.text(), region.cursor());
        return Inspection.of(sca, at.text(), at.cursor());
    }

    @Override
    public Interpreter.Completeness isComplete(String code) {
        if (code.startsWith("%%")) {
            return Interpreter.Completeness.COMPLETE;
        }
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (!line.startsWith("%")) {
                java.append(line).append('\n');
            }
        }
        SourceCodeAnalysis sca = session().analysis();
        String rest = java.toString();
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY -> {
                    return Interpreter.Completeness.COMPLETE;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return Interpreter.Completeness.incomplete("    ");
                }
                case UNKNOWN -> {
                    return Interpreter.Completeness.INVALID;
                }
                default -> rest = info.remaining();
            }
        }
        return Interpreter.Completeness.COMPLETE;
    }

    @Override
    public void interrupt(java.time.Instant sentAt) {
        supervisor.interrupt(sentAt);
    }

    @Override
    public String languageVersion() {
        return Runtime.version().toString();
    }

    @Override
    public String banner() {
        return "Racecourse Java kernel " + Version.current() + " on Java " + Runtime.version()
                + " (JShell, evaluated in the kernel's JVM)";
    }

    @Override
    public void close() {
        warmup.stop();
        session.thenAccept(JavaSession::close);
    }

    /** What magics may do to the session, for one cell. */
    private final class SessionContext implements MagicContext {
        private final Cell cell;

        SessionContext(Cell cell) {
            this.cell = cell;
        }

        @Override
        public Cell cell() {
            return cell;
        }

        @Override
        public Outcome eval(String code, int line) {
            return evalCode(code, line, cell, false);
        }

        @Override
        public void addToClasspath(Path entry) {
            session().addToClasspath(entry);
        }

        @Override
        public List<Path> classpath() {
            List<Path> cp = new ArrayList<>(session().classpath());
            synchronized (compiledFolders) {
                cp.addAll(compiledFolders);
            }
            return cp;
        }

        @Override
        public boolean addCompiledClasses(Path classes, List<String> classNames) {
            synchronized (compiledFolders) {
                boolean redefines = classNames.stream().anyMatch(compiledClasses::contains);
                compiledFolders.add(0, classes);
                compiledClasses.addAll(classNames);
                if (!redefines) {
                    session().addToClasspath(classes);
                    return false;
                }
                // A class loader cannot load a class twice: start a new session on the new classes.
                replaceSession();
                return true;
            }
        }

        @Override
        public Path newWorkFolder(String prefix) {
            try {
                return Files.createDirectories(workRoot.resolve(prefix + "-" + workFolders.incrementAndGet()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Magics magics() {
            return magics;
        }

        @Override
        public CellThreads threads() {
            return supervisor.threads();
        }

        @Override
        public Watchdog watchdog() {
            return supervisor.watchdog();
        }

        @Override
        public String whereIs(Thread t) {
            return session().whereIs(t.getStackTrace()).orElse("");
        }

        @Override
        public Optional<Object> declare(String variableDeclaration) {
            JavaSession s = session();
            List<SnippetEvent> events = s.eval(variableDeclaration, new CellSource(cell.executionCount(), 1)).events();
            for (SnippetEvent e : events) {
                if (e.causeSnippet() == null && e.snippet() instanceof VarSnippet v
                        && e.status() == Snippet.Status.VALID && e.exception() == null) {
                    return s.valueOf(v);
                }
            }
            return Optional.empty();
        }

        @Override
        public Outcome evalForValue(String code, int line, Cell into) {
            return evalCode(code, line, into, true);
        }
    }
}
