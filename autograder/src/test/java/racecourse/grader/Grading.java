package racecourse.grader;

import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;
import racecourse.grader.run.Limits;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Grades in-process through the real pipeline (child JVMs and all) for the tests. */
final class Grading {
    static final Path HOME = Path.of(System.getProperty("racecourse.home", "..")).toAbsolutePath().normalize();

    private Grading() {
    }

    static racecourse.results.Grading grade(Path submission, long seed, String... exercises) throws Exception {
        return Grader.grade(new Grader.Request(submission, List.of(exercises), seed, Limits.defaults(), HOME));
    }

    static Set<String> failedVerdicts(ExerciseResult e) {
        Set<String> out = new TreeSet<>();
        for (TestResult t : e.tests()) {
            if (!t.passed()) {
                out.add(t.verdict().label());
            }
        }
        return out;
    }

    static String describe(ExerciseResult e) {
        StringBuilder sb = new StringBuilder();
        for (TestResult t : e.tests()) {
            sb.append("\n  ").append(t.passed() ? "passed" : "FAILED " + t.verdict().label()).append(": ").append(t.name());
            if (!t.passed()) {
                sb.append("\n    ").append(String.valueOf(t.message()).replace("\n", "\n    "));
            }
        }
        return sb.toString();
    }
}
