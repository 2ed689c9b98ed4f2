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
    /**
     * The service's children run at this CPU priority below the server's: acknowledging an upload
     * is what a student waits for at the deadline, a grading can wait a few milliseconds more. The
     * tests' bounds already hold at far lower CPU shares (the corpora were swept at load average 16).
     */
    public static final int CHILD_NICENESS = 10;

    @Override
    public Grading grade(Path zip, List<String> exercises, long seed) throws IOException, InterruptedException {
        return Grader.grade(new Grader.Request(zip, exercises, seed, Limits.defaults().withNiceness(CHILD_NICENESS), home,
                LincheckMode.DEFAULT, jobsPerSubmission));
    }

    /** The repository the command runs from (bin/racecourse passes it), or null. */
    public static Path homeOrNull() {
        String home = System.getProperty("racecourse.home");
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }
}
