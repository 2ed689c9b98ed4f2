package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * The child's class path: the grader's own, minus every entry that provides package
 * {@code exercises} (the reference solutions, when they are on the grader's class path for its
 * build), so the only {@code exercises} classes the child can load are the submission's; entries made
 * absolute.
 */
public final class ChildClassPath {
    private ChildClassPath() {
    }

    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    /** Memoized: looking into every jar of the class path costs more than a child's start-up should. */
    public static String of(String graderClassPath) {
        return KNOWN.computeIfAbsent(graderClassPath, ChildClassPath::compute);
    }

    private static String compute(String graderClassPath) {
        List<String> kept = new ArrayList<>();
        for (String entry : graderClassPath.split(File.pathSeparator)) {
            // Absolute: the child runs in its own working directory (and the startup cache is
            // keyed by these paths).
            if (!entry.isBlank() && !providesExercises(Path.of(entry))) {
                // Absolute: the child runs in another working directory (and its sandbox binds these paths).
                kept.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static boolean providesExercises(Path entry) {
        if (Files.isDirectory(entry)) {
            Path dir = entry.resolve("exercises");
            if (!Files.isDirectory(dir)) {
                return false;
            }
            try (var s = Files.list(dir)) {
                return s.anyMatch(p -> p.getFileName().toString().endsWith(".class"));
            } catch (IOException e) {
                return true;
            }
        }
        if (Files.isRegularFile(entry)) {
            try (ZipFile z = new ZipFile(entry.toFile())) {
                return z.stream().anyMatch(e -> e.getName().startsWith("exercises/") && !e.getName().startsWith("exercises/tests/")
                        && e.getName().endsWith(".class"));
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
