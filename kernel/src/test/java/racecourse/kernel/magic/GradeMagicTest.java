package racecourse.kernel.magic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeMagicTest {
    /** A grading as the grader writes it: one public test failed, one hidden passed, one hidden failed. */
    private static final racecourse.results.Grading GRADING = new racecourse.results.Grading(
            java.util.List.of(new racecourse.results.ExerciseResult("BoundedBuffer", 6.0, java.util.List.of(
                    new racecourse.results.TestResult("BoundedBuffer", "a", "FIFO <order>", false,
                            racecourse.results.Verdict.FUNCTIONAL, "expected [1, 2, 3], got [3, 2, 1]", 5),
                    new racecourse.results.TestResult("BoundedBuffer", "b", "sum kept", true, null, null, 5),
                    new racecourse.results.TestResult("BoundedBuffer", "c", "no deadlock", true,
                            racecourse.results.Verdict.DEADLOCK, "thread t1 holds lock L and waits for M", 5)),
                    true, 1.0, "From cell [3].")),
            7, java.util.List.of(), 1.5, true);

    /** What %grade reads: the grading through the grader's own codec, as the grader's JVM wrote it. */
    private static GradeMagic.Report report() {
        String json = racecourse.results.GradingJson.write(GRADING);
        return GradeMagic.Report.of(racecourse.results.GradingJson.read(json), "BoundedBuffer", "cell [3]");
    }

    @Test
    void readsTheGradersRecordsPerTest() {
        GradeMagic.Report r = report();
        assertEquals(3, r.tests().size());
        GradeMagic.Test first = r.tests().get(0);
        assertEquals("FIFO <order>", first.name());
        assertFalse(first.passed());
        assertEquals("functional", first.verdict());
        assertEquals("expected [1, 2, 3], got [3, 2, 1]", first.explanation());
        assertTrue(r.tests().get(1).hidden() && r.tests().get(1).passed());
        assertEquals("deadlock", r.tests().get(2).verdict());
        assertEquals(2.0, r.score());
        assertEquals(6.0, r.maxScore());
    }

    @Test
    void aHiddenTestsMessageNeverReachesTheCell() {
        String json = racecourse.results.GradingJson.write(GRADING);
        assertFalse(json.contains("holds lock L"), json);
        GradeMagic.Report r = report();
        assertEquals("hidden test: the grader shows its verdict only", r.tests().get(2).explanation());
        assertFalse(r.text().contains("holds lock L") || r.html().contains("holds lock L"));
    }

    @Test
    void aDamagedGradingIsOneClearError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> racecourse.results.GradingJson.read("{\"exercises\": [{\"tests\": 3}]}"));
        assertTrue(e.getMessage().startsWith("grading.json is not a grading"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> racecourse.results.GradingJson.read(""));
        assertTrue(e.getMessage().startsWith("grading.json is not a grading"), e.getMessage());
    }

    @Test
    void rendersBadgesVerdictsExplanationsAndScoreEscaped() {
        GradeMagic.Report r = report();
        String html = r.html();
        assertTrue(html.contains("score <b>2 / 6</b>"), html);
        assertEquals(3, html.split(">FAIL<", -1).length - 1, html); // the summary and two tests
        assertTrue(html.contains(">PASS<"), html);
        assertTrue(html.contains("FIFO &lt;order&gt;"), html);
        assertTrue(html.contains("<b class=\"grade-verdict\">functional</b>"), html);
        assertTrue(html.contains("expected [1, 2, 3], got [3, 2, 1]"), html);
        assertTrue(r.text().contains("FAIL  FIFO <order>  [functional]"), r.text());
    }

    @Test
    void findsTheExerciseFileInAFolderAbove(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createDirectories(dir.resolve("exercises")).resolve("X.java");
        java.nio.file.Files.writeString(file, "");
        java.nio.file.Path notebooks = java.nio.file.Files.createDirectories(dir.resolve("notebooks"));
        assertEquals(file, GradeMagic.findUp(notebooks, "exercises/X.java").orElseThrow());
    }
}
