package racecourse.grader.explain;

import racecourse.results.Explanation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.grader.Grader;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.grader.report.Feedback;
import racecourse.grader.report.GradescopeResults;
import racecourse.results.Grading;
import racecourse.results.TestResult;
import racecourse.grader.run.Limits;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grading with {@code --lincheck explain} through the real pipeline (child JVMs and all): a race
 * gets Lincheck's interleaving in its failing test's output, a correct solution gets none, and the
 * verdicts are the stress tests' own.
 */
class LincheckExplainTest {
    private static final Path HOME = Path.of(System.getProperty("racecourse.home", "..")).toAbsolutePath().normalize();

    private static Grading grade(Path submission, LincheckMode mode) throws Exception {
        return Grader.grade(new Grader.Request(submission, List.of("SafeCounter"), 42, Limits.defaults(), HOME, mode));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aLostUpdateGetsTheInterleavingNamingBothThreadsAndTheSubmissionsOperations() throws Exception {
        Grading g = grade(HOME.resolve("autograder/corpus/SafeCounter/lost-update/SafeCounter.java"), LincheckMode.EXPLAIN);
        ExerciseResult r = g.exercises().get(0);
        assertNotNull(r.explanation(), "the explain step did not run");
        assertEquals(Explanation.Outcome.TRACE, r.explanation().outcome(), r.explanation().text());
        List<TestResult> visibleRaces = r.tests().stream()
                .filter(t -> !t.passed() && !t.hidden() && t.verdict() == Verdict.RACE).toList();
        assertFalse(visibleRaces.isEmpty(), "no visible race failure");
        for (TestResult t : visibleRaces) {
            String out = t.message();
            assertTrue(out.contains("Lincheck (model checking)"), out);
            assertTrue(out.contains("Thread 1  counter.increment()") && out.contains("Thread 2  counter.increment()"), out);
            assertTrue(out.contains("count ➜ 0") && out.contains("count = 1") && out.contains("SafeCounter.java:12"), out);
            assertTrue(out.contains("Result: two threads called increment() once each, but get() returned 1"), out);
            assertTrue(out.lines().count() <= TraceShortener.MAX_LINES + 5, out);
        }
        // Lincheck only explains: every failing test keeps the stress tests' verdict.
        assertTrue(r.tests().stream().filter(t -> !t.passed()).allMatch(t -> t.verdict() == Verdict.RACE), r.tests().toString());
        assertTrue(Feedback.markdown(g).contains("Thread 2  counter.increment()"));
        String json = GradescopeResults.json(g);
        assertTrue(json.contains("Thread 2  counter.increment()") && json.contains("\"outcome\": \"trace\""), json);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theReferenceGradedWithExplainPassesWithNoLincheckText() throws Exception {
        Grading g = grade(HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java"), LincheckMode.EXPLAIN);
        ExerciseResult r = g.exercises().get(0);
        assertEquals(r.points(), r.score(), r.tests().toString());
        assertNull(r.explanation(), "the explain step ran on a passing exercise");
        assertFalse(Feedback.markdown(g).contains("Lincheck"));
        assertFalse(GradescopeResults.json(g).contains("Lincheck") || GradescopeResults.json(g).contains("lincheck"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void offNeverStartsLincheck() throws Exception {
        Grading g = grade(HOME.resolve("autograder/corpus/SafeCounter/lost-update/SafeCounter.java"), LincheckMode.OFF);
        ExerciseResult r = g.exercises().get(0);
        assertNull(r.explanation());
        assertTrue(r.score() < r.points());
        assertFalse(Feedback.markdown(g).contains("Lincheck"));
    }
}
