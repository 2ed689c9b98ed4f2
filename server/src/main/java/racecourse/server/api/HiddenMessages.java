package racecourse.server.api;

import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.results.TestResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages of a grading's hidden tests (exercise → test id → message), which the grader's
 * {@code grading.json} leaves out; stored beside it and put back only into the exercises whose
 * hidden details the course shows now.
 */
public record HiddenMessages(Map<String, Map<String, String>> byExercise) {
    public static HiddenMessages of(Grading g) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        for (ExerciseResult e : g.exercises()) {
            for (TestResult t : e.tests()) {
                if (t.hidden() && t.message() != null) {
                    m.computeIfAbsent(e.exercise(), k -> new LinkedHashMap<>()).put(t.id(), t.message());
                }
            }
        }
        return new HiddenMessages(m);
    }

    /** {@code g} with the hidden messages of {@code shown}'s exercises put back. */
    public Grading restore(Grading g, Set<String> shown) {
        List<ExerciseResult> exercises = g.exercises().stream().map(e -> {
            Map<String, String> messages = shown.contains(e.exercise()) ? byExercise.getOrDefault(e.exercise(), Map.of()) : Map.of();
            if (messages.isEmpty()) {
                return e;
            }
            return new ExerciseResult(e.exercise(), e.points(), e.tests().stream().map(t -> t.hidden() && messages.containsKey(t.id())
                    ? new TestResult(t.exercise(), t.id(), t.name(), true, t.verdict(), messages.get(t.id()), t.millis()) : t).toList(),
                    e.submitted(), e.seconds(), e.note(), e.explanation());
        }).toList();
        return new Grading(exercises, g.seed(), g.notes(), g.seconds(), g.sandboxed());
    }
}
