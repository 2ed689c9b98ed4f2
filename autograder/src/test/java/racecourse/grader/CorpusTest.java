package racecourse.grader;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.grader.report.ExerciseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every seeded buggy variant in autograder/corpus/ must be caught with its expected verdict (the
 * first line of the file, {@code // expect: V}), and every failing test of the variant must carry
 * that verdict and no other; the reference solutions must get full marks.
 */
@Execution(ExecutionMode.CONCURRENT)
class CorpusTest {
    static final Path CORPUS = Grading.HOME.resolve("autograder/corpus");

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicTest> everyVariantIsCaughtWithItsVerdict() throws IOException {
        List<Path> variants;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            variants = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(variants.size() >= 33, "the corpus has " + variants.size() + " variants");
        return variants.stream().map(v -> DynamicTest.dynamicTest(CORPUS.relativize(v.getParent()).toString(), () -> {
            String exercise = v.getParent().getParent().getFileName().toString();
            String expect = Files.readAllLines(v).get(0).replaceFirst("^// expect:\\s*", "").strip();
            ExerciseResult r = Grading.grade(v, 42, exercise).exercises().get(0);
            Set<String> verdicts = Grading.failedVerdicts(r);
            // Precision: every failing test names the bug's kind, none a consequence of it.
            assertEquals(Set.of(expect), verdicts, CORPUS.relativize(v) + ": every failing test must have verdict "
                    + expect + Grading.describe(r));
            assertTrue(r.score() < r.points(), "a buggy variant got full marks");
        }));
    }

    @Test
    void referenceSolutionsGetFullMarks() throws Exception {
        racecourse.grader.report.Grading g = Grading.grade(Grading.HOME.resolve("solutions/src/main/java/exercises"), 42);
        for (ExerciseResult e : g.exercises()) {
            assertEquals(e.points(), e.score(), e.exercise() + Grading.describe(e));
        }
        assertEquals(11, g.exercises().size());
    }
}
