package racecourse.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.results.ExerciseResult;
import racecourse.grader.run.Limits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several exercises graded at once ({@code jobs > 1}) give each its own result, in the order asked. */
class GradeAtOnceTest {
    @Test
    void exercisesGradedAtOnceKeepTheirOwnVerdictsInTheOrderAsked(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.copy(Grading.HOME.resolve("autograder/corpus/SafeCounter/lost-update/SafeCounter.java"), sub.resolve("SafeCounter.java"));
        Files.copy(Grading.HOME.resolve("solutions/src/main/java/exercises/ParallelSum.java"), sub.resolve("ParallelSum.java"));
        Files.writeString(sub.resolve("DiningTable.java"), "package exercises; public final class DiningTable { oops }");
        List<String> asked = List.of("Pipeline", "SafeCounter", "DiningTable", "ParallelSum");

        racecourse.results.Grading g = Grader.grade(new Grader.Request(sub, asked, 7, Limits.defaults(),
                Grading.HOME, racecourse.grader.explain.LincheckMode.OFF, 3));

        assertEquals(asked, g.exercises().stream().map(ExerciseResult::exercise).toList());
        assertEquals(Set.of("compile"), Grading.failedVerdicts(g.exercises().get(0)), "Pipeline was not submitted");
        assertTrue(Grading.failedVerdicts(g.exercises().get(1)).contains("race"), Grading.describe(g.exercises().get(1)));
        assertEquals(Set.of("compile"), Grading.failedVerdicts(g.exercises().get(2)), Grading.describe(g.exercises().get(2)));
        assertEquals(Set.of(), Grading.failedVerdicts(g.exercises().get(3)), Grading.describe(g.exercises().get(3)));
    }

    @Test
    void jobsBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Grader.Request(Path.of("x"),
                List.of(), 1, Limits.defaults(), null, racecourse.grader.explain.LincheckMode.OFF, 0));
        assertTrue(e.getMessage().contains("--jobs must be at least 1"), e.getMessage());
    }

    @Test
    void theStartingOrderHoldsEveryExerciseOnce() {
        List<String> order = Catalog.longestFirst(Catalog.EXERCISES);
        assertEquals(Set.copyOf(Catalog.EXERCISES), Set.copyOf(order));
        assertEquals(Catalog.EXERCISES.size(), order.size());
        assertEquals("PrethreadedEchoServer", order.get(0), "the longest starts first");
    }
}
