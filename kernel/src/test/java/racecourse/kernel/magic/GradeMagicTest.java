package racecourse.kernel.magic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeMagicTest {
    private static final String RESULTS = """
            {"score": 2.0, "output": "Graded with seed 7 (replay with --seed 7).",
             "tests": [
              {"name": "BoundedBuffer: FIFO <order>", "score": 0.0, "max_score": 2.0, "status": "failed",
               "output": "verdict: functional\\nexpected [1, 2, 3], got [3, 2, 1]"},
              {"name": "BoundedBuffer: sum kept (hidden)", "score": 2.0, "max_score": 2.0, "status": "passed",
               "output": "passed"},
              {"name": "BoundedBuffer: no deadlock (hidden)", "score": 0.0, "max_score": 2.0, "status": "failed",
               "output": "verdict: deadlock (hidden test: details are not shown)"}]}
            """;

    @Test
    void readsTheGradersResultsPerTest() {
        GradeMagic.Report r = GradeMagic.Report.parse(RESULTS, "BoundedBuffer", "cell [3]");
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
    void rendersBadgesVerdictsExplanationsAndScoreEscaped() {
        GradeMagic.Report r = GradeMagic.Report.parse(RESULTS, "BoundedBuffer", "cell [3]");
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
