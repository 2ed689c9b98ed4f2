package racecourse.grader.report;

import java.util.List;

/** A whole grading: every exercise's result, the seed that replays it, the notes about the submission. */
public record Grading(List<ExerciseResult> exercises, long seed, List<String> notes, double seconds, boolean sandboxed) {
    public double score() {
        return Math.round(exercises.stream().mapToDouble(ExerciseResult::score).sum() * 100) / 100.0;
    }

    public double maxScore() {
        return exercises.stream().mapToDouble(ExerciseResult::points).sum();
    }
}
