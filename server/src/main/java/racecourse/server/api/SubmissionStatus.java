package racecourse.server.api;

import racecourse.results.ExerciseScore;
import racecourse.results.Grading;

/**
 * One submission as its student (or an instructor) sees it: the receipt, where grading stands
 * ({@link State}), and once graded the grading (hidden tests' verdicts only, never their messages)
 * and the course's scores (late penalty applied). {@code error} says why grading failed.
 */
public record SubmissionStatus(Receipt receipt, State state, Grading grading, java.util.List<ExerciseScore> scores,
                               String error) {
    public enum State { QUEUED, GRADING, GRADED, FAILED }
}
