package racecourse.grader.course;

import racecourse.results.ExerciseResult;
import racecourse.results.ExerciseScore;
import racecourse.results.TestResult;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * Scores a graded exercise under a course: from the per-test results alone (no grading), so
 * changing points, weights, deadlines, extensions or the late policy re-scores without a JVM.
 */
public final class Scorer {
    private Scorer() {
    }

    public static ExerciseScore score(Course course, String student, ExerciseResult result, ReceiveTime received) {
        ExercisePlan plan = course.plan(result.exercise());
        double raw = round(raw(plan, result));
        ZonedDateTime deadline = course.deadline(student, result.exercise());
        if (!result.submitted()) {
            return new ExerciseScore(result.exercise(), raw, plan.points(), null, 0, raw, "not submitted");
        }
        if (deadline == null) {
            return new ExerciseScore(result.exercise(), raw, plan.points(), null, 0, raw, "no deadline");
        }
        if (!received.known()) {
            return new ExerciseScore(result.exercise(), raw, plan.points(), null, 0, raw, "receive time unknown: no late penalty");
        }
        Duration late = Duration.between(deadline.toInstant(), received.at());
        double hours = late.isNegative() ? 0 : round(late.toSeconds() / 3600.0);
        double penalty = course.late().penaltyPercent(late);
        return new ExerciseScore(result.exercise(), raw, plan.points(), hours, penalty, round(raw * (100 - penalty) / 100), "");
    }

    /** Weighted share of the tests passed, times the points. */
    static double raw(ExercisePlan plan, ExerciseResult result) {
        double total = 0;
        double passed = 0;
        for (TestResult t : result.tests()) {
            double w = plan.weight(t.name());
            total += w;
            if (t.passed()) {
                passed += w;
            }
        }
        return total == 0 ? 0 : plan.points() * passed / total;
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
