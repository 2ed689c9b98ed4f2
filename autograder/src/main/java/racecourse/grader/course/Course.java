package racecourse.grader.course;

import racecourse.grader.Catalog;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A course offering as course.toml describes it (see {@link CourseFile}): its title, the exercises
 * it grades (in the catalog's order) with their points, weights and deadlines, the late policy,
 * the extensions, and when hidden tests' details are shown.
 */
public record Course(String title, ZoneId zone, Map<String, ExercisePlan> plans, LatePolicy late,
                     List<Extension> extensions, HiddenDetails hiddenDetails) {
    /** Without a course file: every exercise, {@link Catalog#POINTS} each, no deadlines, nothing late. */
    public static Course defaults() {
        Map<String, ExercisePlan> plans = new LinkedHashMap<>();
        Catalog.EXERCISES.forEach(x -> plans.put(x, new ExercisePlan(x, Catalog.POINTS, Map.of(), null)));
        return new Course("", ZoneOffset.UTC, plans, LatePolicy.NONE, List.of(), HiddenDetails.NEVER);
    }

    public List<String> exercises() {
        return List.copyOf(plans.keySet());
    }

    public ExercisePlan plan(String exercise) {
        ExercisePlan p = plans.get(exercise);
        if (p == null) {
            throw new IllegalArgumentException("the course does not grade " + exercise + "; it grades " + String.join(", ", plans.keySet()));
        }
        return p;
    }

    public double totalPoints() {
        return plans.values().stream().mapToDouble(ExercisePlan::points).sum();
    }

    /**
     * The deadline that holds for this student: their extension for this exercise, else their
     * extension for all exercises, else the exercise's; null when there is none.
     */
    public ZonedDateTime deadline(String student, String exercise) {
        ZonedDateTime forAll = null;
        for (Extension e : extensions) {
            if (e.student().equals(student)) {
                if (exercise.equals(e.exercise())) {
                    return e.deadline();
                }
                if (e.exercise() == null) {
                    forAll = e.deadline();
                }
            }
        }
        return forAll != null ? forAll : plan(exercise).deadline();
    }
}
