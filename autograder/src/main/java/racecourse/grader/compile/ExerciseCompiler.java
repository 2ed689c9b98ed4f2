package racecourse.grader.compile;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one exercise file alone, as the statement promises (JDK only, {@code --release 21}, no
 * annotation processors: compiling untrusted source must not run any of its code), and checks
 * that it declares {@code exercises.<Exercise>}.
 */
public final class ExerciseCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final int MAX_ERRORS_SHOWN = 5;

    private ExerciseCompiler() {
    }

    public static CompileResult compile(String exercise, String source, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader on a JDK, not a JRE");
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + exercise + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-nowarn",
                    "-encoding", "UTF-8", "-g", "-d", out.toString(), "-classpath", out.toString());
            ok = javac.getTask(new StringWriter(), files, diagnostics, options, null, List.of(file)).call();
        }
        if (!ok) {
            StringBuilder sb = new StringBuilder(exercise + ".java does not compile:");
            int shown = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && shown++ < MAX_ERRORS_SHOWN) {
                    sb.append("\n  line ").append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            return new CompileResult(null, sb.toString());
        }
        if (!Files.isRegularFile(out.resolve("exercises").resolve(exercise + ".class"))) {
            Matcher m = PACKAGE.matcher(source);
            String declared = m.find() ? "package " + m.group(1) : "no package";
            if (!declared.equals("package exercises")) {
                return new CompileResult(null, exercise + ".java declares " + declared + "; it must be in package exercises");
            }
            return new CompileResult(null, exercise + ".java does not declare a class named " + exercise);
        }
        return new CompileResult(out, null);
    }
}
