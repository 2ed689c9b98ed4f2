package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.SourcePointer;
import racecourse.kernel.CellBytecode;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code %%javac}: compiles a whole compilation unit (a {@code package} line, imports, several
 * classes) with javax.tools and puts it on the session's class path. JShell alone cannot declare
 * packages, and the exercises live in package {@code exercises}.
 */
final class JavacMagic implements Magic {
    @Override
    public String name() {
        return "javac";
    }

    @Override
    public String help() {
        return "%%javac                  compile the cell as a Java file (package, classes) and use its classes";
    }

    @Override
    public boolean isCellMagic() {
        return true;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws Exception {
        if (body == null || body.isBlank()) {
            throw new MagicUsageException("the cell has no Java source below the %%javac line");
        }
        return compile(body, "cell [" + context.cell().executionCount() + "] line ", line, context);
    }

    /**
     * Compiles {@code source}; {@code wherePrefix + n} names line n of it in messages, counting from
     * {@code firstLine}.
     */
    static Outcome compile(String source, String wherePrefix, int firstLine, MagicContext context)
            throws IOException, MagicUsageException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("this Java has no compiler (a JRE, not a JDK); reinstall the kernel with a JDK");
        }
        Path out = context.newWorkFolder("javac");
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-g", "-proc:none", "-Xlint:unchecked",
                "-encoding", "UTF-8"));
        options.add("--class-path");
        options.add(String.join(File.pathSeparator, context.classpath().stream().map(Path::toString).toList()));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(new CellSourceFile(source))).call();
        List<String> errors = new ArrayList<>();
        String firstError = null;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            if (firstError == null) {
                firstError = message.split("\n")[0];
            }
            int lineNo = d.getLineNumber() > 0 ? (int) d.getLineNumber() : 1;
            errors.addAll(SourcePointer.lines(wherePrefix + (firstLine + lineNo - 1), message, source,
                    (int) Math.max(0, d.getPosition())));
        }
        if (!ok) {
            return new Outcome.Failed("CompileError", firstError == null ? "the code does not compile" : firstError,
                    errors);
        }
        // The kernel is the student's whole session: System.exit in their class must not end it.
        CellBytecode.rewriteFolder(out);
        List<String> classes = classNames(out);
        if (classes.isEmpty()) {
            throw new MagicUsageException("the cell declares no class");
        }
        boolean restarted = context.addCompiledClasses(out, classes);
        TreeSet<String> packages = new TreeSet<>();
        for (String c : classes) {
            int dot = c.lastIndexOf('.');
            if (dot > 0) {
                packages.add(c.substring(0, dot));
            }
        }
        for (String p : packages) {
            Outcome imported = context.eval("import " + p + ".*;", firstLine);
            if (imported instanceof Outcome.Failed) {
                return imported;
            }
        }
        List<String> topLevel = classes.stream().filter(c -> !c.contains("$")).toList();
        JavacSources.remember(topLevel, source, wherePrefix.replaceFirst(" line $", ""));
        StringBuilder note = new StringBuilder("compiled ").append(String.join(", ", topLevel));
        if (!packages.isEmpty()) {
            note.append(" (imported ").append(String.join(", ", packages.stream().map(p -> p + ".*").toList()))
                    .append(')');
        }
        context.cell().write(Cell.Stream.STDOUT, note.append('\n').toString());
        if (restarted) {
            context.cell().write(Cell.Stream.STDERR, "note: a class of this cell was compiled before; to use the new "
                    + "version the Java session was restarted, so variables and methods of earlier cells are gone. "
                    + "Run the cells that define them again.\n");
        }
        return new Outcome.Ok(Optional.empty());
    }

    private static List<String> classNames(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> out.relativize(p).toString())
                    .map(r -> r.substring(0, r.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .sorted()
                    .toList();
        }
    }

    /** The cell text as a source file; any public class name is accepted, as a cell has no file name. */
    private static final class CellSourceFile extends SimpleJavaFileObject {
        private final String source;

        CellSourceFile(String source) {
            super(URI.create("string:///Cell.java"), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return true;
        }
    }
}
