package racecourse.grader.batch;

import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --confirm R}: an exercise with a failing test is graded R more times with other seeds
 * ({@link #seed}); a failing test that fails again in any rerun keeps its verdict and says how often;
 * one that passed in every rerun counts as passed and is flagged for the instructor. Compile
 * verdicts are not rerun: they do not depend on the schedule.
 */
public final class Confirmer {
    /** Grades one exercise with a given seed. */
    public interface Rerun {
        ExerciseResult grade(long seed) throws IOException, InterruptedException;
    }

    public record Confirmed(ExerciseResult result, List<Confirmation> confirmations) {
    }

    private Confirmer() {
    }

    /** The seed of rerun {@code i} (1-based): far from the rounds {@code Stress} derives from a seed. */
    public static long seed(long seed, int i) {
        return seed + 1_000_003L * i;
    }

    public static Confirmed confirm(ExerciseResult first, long seed, int reruns, Rerun rerun)
            throws IOException, InterruptedException {
        List<TestResult> failing = first.tests().stream()
                .filter(t -> !t.passed() && t.verdict() != Verdict.COMPILE).toList();
        if (reruns <= 0 || failing.isEmpty()) {
            return new Confirmed(first, List.of());
        }
        Map<String, Integer> again = new HashMap<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 1; i <= reruns; i++) {
            long s = seed(seed, i);
            seeds.add(s);
            for (TestResult t : rerun.grade(s).tests()) {
                if (!t.passed()) {
                    again.merge(t.id(), 1, Integer::sum);
                }
            }
        }
        List<Confirmation> confirmations = new ArrayList<>();
        List<TestResult> tests = new ArrayList<>();
        for (TestResult t : first.tests()) {
            if (t.passed() || t.verdict() == Verdict.COMPILE) {
                tests.add(t);
                continue;
            }
            Confirmation c = new Confirmation(t.id(), t.name(), t.verdict().label(), seed, List.copyOf(seeds),
                    again.getOrDefault(t.id(), 0));
            confirmations.add(c);
            tests.add(c.flagged()
                    ? new TestResult(t.exercise(), t.id(), t.name(), t.hidden(), null, null, t.millis())
                    : new TestResult(t.exercise(), t.id(), t.name(), t.hidden(), t.verdict(),
                            t.message() + "\n[reproduced in " + c.reproduced() + " of " + reruns + " reruns with other seeds]",
                            t.millis()));
        }
        return new Confirmed(new ExerciseResult(first.exercise(), first.points(), tests, first.submitted(),
                first.seconds(), first.note(), first.explanation()), List.copyOf(confirmations));
    }
}
