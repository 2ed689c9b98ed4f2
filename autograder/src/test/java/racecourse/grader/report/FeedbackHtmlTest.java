package racecourse.grader.report;

import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;
import racecourse.results.Grading;
import racecourse.results.ExerciseScore;
import racecourse.results.Standing;

import org.junit.jupiter.api.Test;
import racecourse.results.Explanation;
import racecourse.results.Verdict;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** feedback.html: everything a student's code printed is text, hidden tests keep their secrets, the trace and seed are there. */
class FeedbackHtmlTest {
    static final String HOSTILE = "expected 2 but was 1 <script>alert(1)</script>\n```\n<img src=x onerror=alert(2)>\n"
            + "[click](javascript:alert(3)) ![x](http://example.invalid/t.png)";

    static Grading grading() {
        List<TestResult> tests = List.of(
                new TestResult("SafeCounter", "a", "increments <b>add</b> up", false, Verdict.RACE, HOSTILE, 5),
                new TestResult("SafeCounter", "b", "hidden stress", true, Verdict.RACE, "SECRET hidden scenario", 5),
                new TestResult("SafeCounter", "c", "single thread", false, null, null, 1));
        ExerciseResult e = new ExerciseResult("SafeCounter", 10, tests, true, 1, null,
                new Explanation(Explanation.Outcome.TRACE, "| T1: n = 0 | T2: n = 0 |", 1));
        return new Grading(List.of(e), 4242, List.of("read <submission>.zip"), 1, true);
    }

    @Test
    void studentTextIsEscapedAndHiddenDetailsStayHidden() {
        String md = Feedback.markdown(grading());
        String html = FeedbackHtml.page(md);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), html);
        assertFalse(html.contains("SECRET"), html);
        assertTrue(html.contains("hidden stress"), html);
        assertTrue(html.contains("failed (race)"), html);
        assertTrue(html.contains("Seed 4242"), html);
        assertTrue(html.contains("| T1: n = 0 | T2: n = 0 |"), html);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("6.67 / 10") || html.contains("3.33 / 10"), html);
    }

    @Test
    void hiddenDetailsShowOnlyWhenTheStandingAllowsAndReviewsShow() {
        ExerciseScore score = new ExerciseScore("SafeCounter", 3.33, 10, null, 0, 3.33, "no deadline");
        String hidden = FeedbackHtml.page(Feedback.markdown(grading(), new Standing(List.of(score), java.util.Set.of(), "r"), List.of()));
        assertFalse(hidden.contains("SECRET hidden scenario"), hidden);
        String shown = FeedbackHtml.page(Feedback.markdown(grading(), new Standing(List.of(score), java.util.Set.of("SafeCounter"), "r"),
                List.of("SafeCounter reviewed: 3.33 → 10")));
        assertTrue(shown.contains("SECRET hidden scenario"), shown);
        assertTrue(shown.contains("<h2>Reviews</h2>"), shown);
        assertTrue(shown.contains("SafeCounter reviewed: 3.33 → 10"), shown);
    }

    @Test
    void underACourseTheScoresAreTheCoursesWithTheLatePenalty() {
        // 20 points in the course; the tests give 6.67 of them; 26 h late at 10 % a day: 20 %.
        ExerciseScore score = new ExerciseScore("SafeCounter", 6.67, 20, 26.0, 20, 5.34, "");
        String md = Feedback.markdown(grading(), new Standing(List.of(score), java.util.Set.of(),
                "Received 2026-03-02T10:00:00Z (from submissions.csv)."), List.of());
        assertTrue(md.contains("Score: **5.34 / 20**"), md);
        assertTrue(md.contains("| SafeCounter | 5.34 / 20 | 20 % | 2 of 3 |"), md);
        assertTrue(md.contains("## SafeCounter — 5.34 / 20"), md);
        assertTrue(md.contains("The tests give 6.67 of 20 points; received 26 h after the deadline: 20 % late penalty."), md);
        assertTrue(md.contains("Received 2026-03-02T10:00:00Z (from submissions.csv)."), md);
        assertFalse(md.contains("/ 10"), md);
    }
}
