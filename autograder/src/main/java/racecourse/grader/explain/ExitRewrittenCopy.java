package racecourse.grader.explain;

import racecourse.grader.child.Instrumenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of a compiled submission for the explain child's class path: System.exit, Runtime.exit
 * and Runtime.halt rewritten into a throw, as for the suites, but no perturbation points (Lincheck
 * schedules the threads itself, and the points would show in its trace).
 */
final class ExitRewrittenCopy {
    private ExitRewrittenCopy() {
    }

    static Path of(Path classes, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(classes.relativize(f).toString());
                Files.createDirectories(target.getParent());
                byte[] bytes = Files.readAllBytes(f);
                Files.write(target, f.toString().endsWith(".class") ? Instrumenter.instrument(bytes, false) : bytes);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return copy;
    }
}
