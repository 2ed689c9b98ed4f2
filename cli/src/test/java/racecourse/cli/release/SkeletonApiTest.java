package racecourse.cli.release;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every committed skeleton compiles with the JDK alone (as a student would: javac exercises/*.java),
 * and has exactly the public API of its solution, so the two cannot drift apart.
 */
class SkeletonApiTest {
    @TempDir
    static Path tmp;
    static Path skeletonClasses;
    static Path solutionClasses;

    @BeforeAll
    static void compileBoth() throws IOException {
        skeletonClasses = compile(Repo.EXERCISES, tmp.resolve("skeletons"));
        solutionClasses = compile(Repo.SOLUTIONS, tmp.resolve("solutions"));
    }

    /** Compiles every .java of {@code dir} with only the JDK on the class path; fails on any error. */
    static Path compile(Path dir, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: the tests need a JDK, not a JRE");
        Files.createDirectories(out);
        Path emptyClassPath = Files.createDirectories(out.resolveSibling(out.getFileName() + "-cp"));
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", emptyClassPath.toString(),
                    "-sourcepath", "", "-proc:none", "-encoding", "UTF-8", "--release", "21");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertEquals("", errors, "compiling " + dir + " failed");
            assertEquals(true, ok);
        }
        return out;
    }

    @Test
    void everySkeletonCompilesWithTheJdkAlone() {
        // compileBoth() has done it; this names the check in the report.
        assertNotNull(skeletonClasses);
    }

    @Test
    void eachSkeletonHasItsSolutionsPublicApi() throws Exception {
        try (URLClassLoader skeletons = loader(skeletonClasses); URLClassLoader solutions = loader(solutionClasses)) {
            for (String name : CommittedSkeletonsTest.javaNames(Repo.EXERCISES)) {
                Class<?> skeleton = skeletons.loadClass("exercises." + name);
                Class<?> solution = solutions.loadClass("exercises." + name);
                assertEquals(api(solution), api(skeleton), "the public API of exercises/" + name + ".java differs from its solution");
            }
        }
    }

    @Test
    void theApiDescriptionSeesSignaturesAndThrowsClauses() throws Exception {
        // A guard on the guard: the description must change when a signature or a throws clause does.
        String sig = String.join("\n", api(Sample.class));
        assertEquals(true, sig.contains("public java.lang.String racecourse.cli.release.SkeletonApiTest$Sample.f(java.util.List<java.lang.Integer>) throws java.io.IOException"), sig);
        assertEquals(false, sig.contains("hidden"), sig);
        assertEquals(true, sig.contains("protected int racecourse.cli.release.SkeletonApiTest$Sample.count"), sig);
    }

    static class Sample {
        protected int count;
        private int hidden;

        public String f(List<Integer> xs) throws IOException {
            return xs.toString() + hidden;
        }

        void hiddenToo() {
        }
    }

    private static URLClassLoader loader(Path classes) throws IOException {
        // Parent: the platform loader, so the test's own class path cannot leak in.
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** The public and protected API of {@code c} and its visible nested classes, one line per element, sorted. */
    static List<String> api(Class<?> c) {
        TreeSet<String> lines = new TreeSet<>();
        describe(c, lines);
        return new ArrayList<>(lines);
    }

    private static void describe(Class<?> c, TreeSet<String> lines) {
        StringBuilder head = new StringBuilder("class ").append(Modifier.toString(c.getModifiers())).append(' ')
                .append(c.getName()).append(typeParameters(c));
        Type sup = c.getGenericSuperclass();
        if (sup != null) {
            head.append(" extends ").append(sup.getTypeName());
        }
        for (Type i : c.getGenericInterfaces()) {
            head.append(" implements ").append(i.getTypeName());
        }
        lines.add(head.toString());
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k)) {
                lines.add(k.toGenericString());
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m)) {
                lines.add(m.toGenericString());
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f)) {
                lines.add(f.toGenericString());
            }
        }
        for (Class<?> nested : c.getDeclaredClasses()) {
            if ((nested.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0) {
                describe(nested, lines);
            }
        }
    }

    private static String typeParameters(Class<?> c) {
        var ps = c.getTypeParameters();
        if (ps.length == 0) {
            return "";
        }
        return Stream.of(ps).map(p -> p.getName() + " extends " + Stream.of(p.getBounds()).map(Type::getTypeName)
                .collect(Collectors.joining(" & "))).collect(Collectors.joining(", ", "<", ">"));
    }

    private static boolean visible(Member m) {
        return !m.isSynthetic() && (m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
    }
}
