package racecourse.results;

import java.util.List;
import java.util.Set;

/**
 * A grading as one student's course counts it, for the feedback they read: each exercise's score
 * under the course (points, late penalty, final; in the grading's order), the exercises whose
 * hidden tests may show their details now, and one line on the receive time the penalty rests on.
 */
public record Standing(List<ExerciseScore> scores, Set<String> hiddenDetailsShown, String received) {
    public Standing {
        scores = List.copyOf(scores);
        hiddenDetailsShown = Set.copyOf(hiddenDetailsShown);
    }

    /** The exercise's score, or null when the course does not score it. */
    public ExerciseScore of(String exercise) {
        return scores.stream().filter(s -> s.exercise().equals(exercise)).findFirst().orElse(null);
    }

    public double total() {
        return Math.round(scores.stream().mapToDouble(ExerciseScore::finalScore).sum() * 100) / 100.0;
    }

    public double points() {
        return scores.stream().mapToDouble(ExerciseScore::points).sum();
    }
}
