package racecourse.grader.report;

import java.util.List;

/** The tests of one exercise, its score out of its points and how long grading it took. */
public record ExerciseResult(String exercise, double points, List<TestResult> tests, boolean submitted,
                             double seconds, String note) {
    public double score() {
        if (tests.isEmpty()) {
            return 0;
        }
        long passed = tests.stream().filter(TestResult::passed).count();
        return Math.round(points * passed / tests.size() * 100) / 100.0;
    }

    public double perTest() {
        return tests.isEmpty() ? points : points / tests.size();
    }
}
