package racecourse.grader.course;

import java.time.ZonedDateTime;
import java.util.Map;

/**
 * One exercise of a course: its points, the weights of named tests (a test not named weighs 1;
 * keyed by the test's name as the gradebook and feedback show it), and its deadline in the
 * course's time zone (null: none, never late).
 */
public record ExercisePlan(String exercise, double points, Map<String, Double> weights, ZonedDateTime deadline) {
    public double weight(String testName) {
        return weights.getOrDefault(testName, 1.0);
    }
}
