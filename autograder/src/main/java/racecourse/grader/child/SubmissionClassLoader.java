package racecourse.grader.child;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the submission's classes (package {@code exercises}, from its compiled folder) instrumented,
 * and the suites (which refer to them) uninstrumented, both child-first so the suites link against
 * the submission; everything else (JUnit, the harness) comes from the parent.
 */
final class SubmissionClassLoader extends ClassLoader {
    static final String[] SUITE_PREFIXES = {"exercises.tests.", racecourse.grader.harness.Suites.HIDDEN_PACKAGE + "."};

    static {
        registerAsParallelCapable();
    }

    private final Path classes;

    SubmissionClassLoader(Path classes, ClassLoader parent) {
        super("submission", parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = define(name);
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * The submission's class files as compiled (not instrumented), for the suites' bytecode checks
     * ({@code racecourse.grader.harness.Bytecode}); the parent has none of them.
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.startsWith("exercises/") && !name.startsWith("exercises/tests/") && name.endsWith(".class")) {
            Path p = classes.resolve(name);
            try {
                return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
            } catch (IOException e) {
                return null;
            }
        }
        return super.getResourceAsStream(name);
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        for (String prefix : SUITE_PREFIXES) {
            if (name.startsWith(prefix)) {
                try (InputStream in = getParent().getResourceAsStream(file)) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] b = in.readAllBytes();
                    return defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (name.startsWith("exercises.")) {
            Path p = classes.resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new ClassNotFoundException(name + " (not in the submission)");
            }
            try {
                byte[] b = Instrumenter.instrument(Files.readAllBytes(p));
                return defineClass(name, b, 0, b.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
