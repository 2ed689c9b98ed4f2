package racecourse.grader.report;

import java.util.List;

/** A whole grading: every exercise's result, the seed that replays it, the notes about the submission. */
public record Grading(List<ExerciseResult> exercises, long seed, List<String> notes, double seconds, boolean sandboxed) {
    /** The note (and feedback warning) of a grading that ran without the sandbox. */
    public static final String NO_SANDBOX = "warning: the sandbox (unshare, setpriv) is not available here or is switched off"
            + " (RACECOURSE_SANDBOX=off), so the tests ran without it: network beyond loopback, the reference solutions"
            + " and hidden test sources, and files outside the working directory were not shut off from the submission.";

    public double score() {
        return Math.round(exercises.stream().mapToDouble(ExerciseResult::score).sum() * 100) / 100.0;
    }

    public double maxScore() {
        return exercises.stream().mapToDouble(ExerciseResult::points).sum();
    }
}
