package racecourse.results;

/**
 * One exercise of one student under a course: the raw score (tests passed, weighted, out of the
 * course's points), how late it came (null when no deadline or no receive time: then no penalty),
 * the penalty in percent, and the final score. {@code lateNote} says why there is no lateness
 * figure ("" when there is one).
 */
public record ExerciseScore(String exercise, double raw, double points, Double hoursLate, double penaltyPercent,
                            double finalScore, String lateNote) {
}
