package racecourse.server.queue;

import racecourse.grader.Grader;
import racecourse.grader.explain.LincheckMode;
import racecourse.results.Grading;
import racecourse.grader.run.Limits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Grades with the grader's own API, exactly as {@code racecourse grade} does: each exercise
 * compiled alone and run in a sandboxed child JVM. {@code home} (may be null) is the repository,
 * whose references and hidden sources the children must not see.
 */
public record GraderGrading(Path home, int jobsPerSubmission) implements GradingFunction {
    @Override
    public Grading grade(Path zip, List<String> exercises, long seed) throws IOException, InterruptedException {
        return Grader.grade(new Grader.Request(zip, exercises, seed, Limits.defaults(), home, LincheckMode.DEFAULT,
                jobsPerSubmission));
    }

    /** The repository the command runs from (bin/racecourse passes it), or null. */
    public static Path homeOrNull() {
        String home = System.getProperty("racecourse.home");
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }
}
