package racecourse.grader;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.results.ExerciseResult;

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
 * that verdict and no other; every correct variant ({@code // expect: pass}, folders
 * {@code ok-<style>}) and the reference solutions must get full marks, with no failing test.
 */
@Execution(ExecutionMode.CONCURRENT)
class CorpusTest {
    static final Path CORPUS = Grading.HOME.resolve("autograder/corpus");
    /** The first line of a correct variant: {@code // expect: pass}. */
    static final String PASS = "pass";
    /** Line 3 of a correct variant the grader still fails unfairly: {@code // known false failure: ...}. */
    static final String KNOWN_FALSE_FAILURE = "// known false failure:";
    /** Line 3 of a buggy variant whose one bug also fails another test with another verdict. */
    static final String ALSO = "// also: ";

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
            List<String> lines = Files.readAllLines(v);
            String expect = lines.get(0).replaceFirst("^// expect:\\s*", "").strip();
            // A correct variant that a suite still fails for a rule the statement does not state is
            // marked on line 3; it is reported as skipped, with the reason, until the suite is fixed.
            if (expect.equals(PASS) && lines.size() > 2 && lines.get(2).startsWith(KNOWN_FALSE_FAILURE)) {
                Assumptions.abort(lines.get(2).substring(3));
            }
            ExerciseResult r = Grading.grade(v, 42, exercise).exercises().get(0);
            Set<String> verdicts = Grading.failedVerdicts(r);
            if (expect.equals(PASS)) {
                // A correct solution in a style the references do not use: the grader owes it full marks.
                assertEquals(Set.of(), verdicts, CORPUS.relativize(v) + ": a correct solution failed" + Grading.describe(r));
                assertEquals(r.points(), r.score(), CORPUS.relativize(v) + ": a correct solution lost points" + Grading.describe(r));
                return;
            }
            // Precision: every failing test names the bug's kind, none a consequence of it, except
            // the verdicts the variant declares on line 3 with the reason its one bug gives them.
            Set<String> also = also(lines);
            assertTrue(verdicts.contains(expect), CORPUS.relativize(v) + ": not caught as " + expect + Grading.describe(r));
            Set<String> others = new java.util.TreeSet<>(verdicts);
            others.remove(expect);
            others.removeAll(also);
            assertEquals(Set.of(), others, CORPUS.relativize(v) + ": every failing test must have verdict "
                    + expect + (also.isEmpty() ? "" : " (or " + also + ", line 3)") + Grading.describe(r));
            assertTrue(r.score() < r.points(), "a buggy variant got full marks");
        }));
    }

    /**
     * Line 3 {@code // also: V, W: why}: other verdicts the variant's one bug legitimately gives in
     * other tests (e.g. a starving {@code get()} also runs a round of another test past its bound).
     */
    static Set<String> also(List<String> lines) {
        if (lines.size() < 3 || !lines.get(2).startsWith(ALSO)) {
            return Set.of();
        }
        String list = lines.get(2).substring(ALSO.length());
        int why = list.indexOf(':');
        assertTrue(why > 0, "line 3 must give the reason after the verdicts: " + lines.get(2));
        Set<String> out = new java.util.TreeSet<>();
        for (String x : list.substring(0, why).split(",")) {
            out.add(x.strip());
        }
        return out;
    }

    @Test
    void everyExerciseHasThreeCorrectVariants() throws IOException {
        try (Stream<Path> exercises = Files.list(CORPUS)) {
            List<Path> dirs = exercises.filter(Files::isDirectory).sorted().toList();
            assertEquals(11, dirs.size(), "exercises in the corpus: " + dirs);
            for (Path dir : dirs) {
                String x = dir.getFileName().toString();
                try (Stream<Path> variants = Files.list(dir)) {
                    List<Path> ok = variants.filter(d -> d.getFileName().toString().startsWith("ok-")).toList();
                    assertTrue(ok.size() >= 3, x + " has " + ok.size() + " correct variants, wants 3");
                    for (Path d : ok) {
                        List<String> head = Files.readAllLines(d.resolve(x + ".java")).subList(0, 2);
                        assertEquals("// expect: " + PASS, head.get(0), d + ": line 1");
                        assertTrue(head.get(1).startsWith("// Style: "), d + ": line 2 says the style, got " + head.get(1));
                    }
                }
            }
        }
    }

    @Test
    void referenceSolutionsGetFullMarks() throws Exception {
        racecourse.results.Grading g = Grading.grade(Grading.HOME.resolve("solutions/src/main/java/exercises"), 42);
        for (ExerciseResult e : g.exercises()) {
            assertEquals(e.points(), e.score(), e.exercise() + Grading.describe(e));
        }
        assertEquals(11, g.exercises().size());
    }
}
