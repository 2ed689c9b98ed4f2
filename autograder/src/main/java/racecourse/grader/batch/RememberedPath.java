package racecourse.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A path a regrade's output folder remembers for later commands (the ROOT it graded, the course
 * file it was scored under): one line, the absolute path, in {@code OUT/.racecourse/<name>}.
 */
public final class RememberedPath {
    private RememberedPath() {
    }

    public static void write(Path out, String name, Path path) throws IOException {
        AtomicFiles.write(Manifest.path(out).resolveSibling(name), path.toAbsolutePath().normalize() + "\n");
    }

    /** The path OUT remembers under {@code name}, if any. */
    public static Optional<Path> read(Path out, String name) throws IOException {
        Path p = Manifest.path(out).resolveSibling(name);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        String line = Files.readString(p, StandardCharsets.UTF_8).strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(Path.of(line));
    }
}
