package racecourse.results;

import java.util.List;

/**
 * A whole grading: every exercise's result, the seed that replays it, the notes about the submission;
 * {@code sandboxed}: the children ran in the full sandbox (bubblewrap), else a note says which one they ran in.
 */
public record Grading(List<ExerciseResult> exercises, long seed, List<String> notes, double seconds, boolean sandboxed) {
    /** The note (and feedback warning) of a grading that ran without a sandbox. */
    public static final String NO_SANDBOX = "warning: no sandbox (bwrap, or unshare and setpriv) is available here or it is"
            + " switched off (RACECOURSE_SANDBOX=off), so the tests ran without one: network beyond loopback, the reference"
            + " solutions and hidden test sources, other students' files and results, and files outside the working"
            + " directory were not shut off from the submission.";
    /** The note (and feedback warning) of a grading that ran in the fallback sandbox. */
    public static final String UNSHARE_ONLY = "warning: bubblewrap (bwrap) is not available here or is skipped"
            + " (RACECOURSE_SANDBOX=unshare), so the tests ran in the weaker unshare sandbox: network beyond loopback, the"
            + " reference solutions and hidden test sources, and writes outside the working directory were shut off, but"
            + " the submission could see the grader's processes and read the machine's other files (other students'"
            + " submissions and results among them).";
    /** The warnings above: shown first in the feedback. */
    public static final java.util.Set<String> SANDBOX_WARNINGS = java.util.Set.of(NO_SANDBOX, UNSHARE_ONLY);

    /** The seed to replay it with, then the grading's notes, one per line: what a student reads first. */
    public String seedAndNotes() {
        return "Graded with seed " + seed + " (replay with --seed " + seed + ")."
                + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes));
    }

    public double score() {
        return Math.round(exercises.stream().mapToDouble(ExerciseResult::score).sum() * 100) / 100.0;
    }

    public double maxScore() {
        return exercises.stream().mapToDouble(ExerciseResult::points).sum();
    }
}
