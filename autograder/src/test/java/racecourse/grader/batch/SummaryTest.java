package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.md as an instructor reads it: not handed in is not a compile failure; students are counted once. */
class SummaryTest {
    static final List<String> EXERCISES = List.of("SafeCounter", "BoundedBuffer");

    /** What the grader records for an exercise the submission has no file for. */
    static ExerciseResult notSubmitted(String x) {
        return new ExerciseResult(x, 10, List.of(new TestResult(x, x + "#submitted", "submitted", false, Verdict.COMPILE,
                "not submitted: no " + x + ".java in the submission", 0)), false, 0, "Not submitted.");
    }

    static ExerciseResult graded(String x, Verdict... failures) {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Verdict v = i < failures.length ? failures[i] : null;
            tests.add(new TestResult(x, x + "#t" + i, "t" + i, false, v, v == null ? null : "boom", 1));
        }
        return new ExerciseResult(x, 10, tests, true, 1, null);
    }

    static Row row(String id, ExerciseResult... results) {
        Map<String, ExerciseRecord> records = new LinkedHashMap<>();
        for (ExerciseResult r : results) {
            records.put(r.exercise(), new ExerciseRecord("k", id, r, List.of(), true, List.of()));
        }
        return new Row(id, null, records);
    }

    static Manifest manifest(List<Row> rows) {
        return new Manifest(Manifest.FORMAT, "1/1", 7, 0, EXERCISES, "v", "fp",
                rows.stream().map(r -> new Manifest.Entry(r.id(), r.id() + "/", null, Map.of())).toList(), List.of());
    }

    @Test
    void aClassOf42WithMostExercisesNotHandedIn() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            // Everyone hands in SafeCounter with two racy tests; only 2 students hand in BoundedBuffer.
            rows.add(row("s" + i, graded("SafeCounter", Verdict.RACE, Verdict.RACE),
                    i < 2 ? graded("BoundedBuffer", Verdict.RACE) : notSubmitted("BoundedBuffer")));
        }
        String md = Summary.markdown(manifest(rows), rows);
        assertTrue(md.contains("| race | 86 | 42 |"), md);
        assertFalse(md.contains("| compile |"), md);
        assertTrue(md.contains("| BoundedBuffer | 2 | 40 |"), md);
        assertTrue(md.contains("| SafeCounter | 42 | 0 | 5 | 5 |"), md);
        assertTrue(md.contains("race (2 tests, 2 students)"), md);
    }

    @Test
    void aRealCompileFailureStillCounts() {
        List<Row> rows = List.of(
                row("alice", graded("SafeCounter", Verdict.COMPILE), notSubmitted("BoundedBuffer")),
                row("bob", notSubmitted("SafeCounter"), notSubmitted("BoundedBuffer")));
        String md = Summary.markdown(manifest(rows), rows);
        assertTrue(md.contains("| compile | 1 | 1 |"), md);
        assertTrue(md.contains("| SafeCounter | 1 | 1 |"), md);
        assertTrue(md.contains("| BoundedBuffer | 0 | 2 |"), md);
    }
}
