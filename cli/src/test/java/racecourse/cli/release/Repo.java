package racecourse.cli.release;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: Maven runs the cli module's tests in cli/, so it is "..". */
final class Repo {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SOLUTIONS = ROOT.resolve("solutions/src/main/java/exercises");
    static final Path EXERCISES = ROOT.resolve("exercises");

    static {
        if (!Files.isDirectory(SOLUTIONS) || !Files.isDirectory(EXERCISES)) {
            throw new IllegalStateException("run the tests from the cli module: no " + SOLUTIONS + " or " + EXERCISES);
        }
    }

    private Repo() {
    }
}
