package racecourse.grader.report;

import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;
import racecourse.results.Grading;
import racecourse.results.ExerciseScore;
import racecourse.results.Standing;

import java.util.List;
import java.util.Locale;

/**
 * feedback.md: per exercise the score and, for each failed test, its verdict and what went wrong,
 * the Lincheck trace of a race or exclusion, the seed that replays it, and any review of the score.
 * Under a course ({@link Standing}) the scores are the course's: its points, the late penalty and
 * the final score, as the gradebook has them. A hidden test shows its name and verdict only, unless
 * the course file lets its details show (after the student's deadline) or the caller asks for them. Text from the grading (messages hold what the student's code printed or
 * threw) only ever goes inside code fences longer than any run of backticks in it, so it cannot
 * end the fence and become Markdown (or, in feedback.html, HTML).
 */
public final class Feedback {
    private Feedback() {
    }

    public static String markdown(Grading g) {
        return markdown(g, null, List.of());
    }

    /**
     * {@code standing}: the course's view of the scores, or null for the tests' scores alone (no
     * hidden details then); {@code reviews}: one line each, already Markdown (see {@link #code}),
     * shown under "Reviews" after the exercises.
     */
    public static String markdown(Grading g, Standing standing, List<String> reviews) {
        StringBuilder sb = new StringBuilder("# Racecourse grading\n\n");
        if (standing == null) {
            sb.append(String.format(Locale.ROOT, "Score: **%s / %s**. Seed %d (replay with `--seed %d`).%n",
                    fmt(g.score()), fmt(g.maxScore()), g.seed(), g.seed()));
        } else {
            sb.append(String.format(Locale.ROOT, "Score: **%s / %s**. Seed %d (replay with `--seed %d`).%n%n%s%n",
                    fmt(standing.total()), fmt(standing.points()), g.seed(), g.seed(), code(standing.received())));
        }
        var warnings = g.notes().stream().filter(Grading.SANDBOX_WARNINGS::contains).toList();
        if (!g.sandboxed() && warnings.isEmpty()) {
            warnings = java.util.List.of(Grading.NO_SANDBOX);
        }
        warnings.forEach(w -> sb.append("\nW").append(w.substring(1)).append('\n'));
        var notes = g.notes().stream().filter(n -> !Grading.SANDBOX_WARNINGS.contains(n)).toList();
        if (!notes.isEmpty()) {
            sb.append("\nAbout the submission:\n");
            notes.forEach(n -> sb.append("- ").append(code(n)).append('\n'));
        }
        sb.append(standing == null ? "\n| exercise | score | failed tests |\n|---|---|---|\n"
                : "\n| exercise | score | late penalty | failed tests |\n|---|---|---|---|\n");
        for (ExerciseResult e : g.exercises()) {
            long failed = e.tests().stream().filter(t -> !t.passed()).count();
            sb.append("| ").append(e.exercise()).append(" | ").append(score(e, standing)).append(" | ");
            if (standing != null) {
                ExerciseScore s = standing.of(e.exercise());
                sb.append(s == null || s.penaltyPercent() == 0 ? "" : fmt(s.penaltyPercent()) + " %").append(" | ");
            }
            sb.append(e.submitted() ? failed + " of " + e.tests().size() : "not submitted").append(" |\n");
        }
        for (ExerciseResult e : g.exercises()) {
            sb.append("\n## ").append(e.exercise()).append(" — ").append(score(e, standing)).append("\n\n");
            if (e.note() != null) {
                sb.append(code(e.note())).append("\n\n");
            }
            ExerciseScore s = standing == null ? null : standing.of(e.exercise());
            if (s != null && s.penaltyPercent() > 0) {
                sb.append(String.format(Locale.ROOT, "The tests give %s of %s points; received %s h after the deadline: "
                        + "%s %% late penalty.%n%n", fmt(s.raw()), fmt(s.points()), fmt(s.hoursLate()), fmt(s.penaltyPercent())));
            }
            boolean hiddenDetails = standing != null && standing.hiddenDetailsShown().contains(e.exercise());
            for (TestResult t : e.tests()) {
                if (t.passed()) {
                    sb.append("- passed: ").append(code(t.name())).append('\n');
                } else {
                    sb.append("- **failed (").append(t.verdict().label()).append(")**: ").append(code(t.name()))
                            .append(t.hidden() ? " (hidden test)" : "").append('\n');
                    if ((!t.hidden() || hiddenDetails) && t.message() != null) {
                        sb.append('\n').append(fenced(t.message().strip())).append('\n');
                    }
                }
            }
            var x = e.explanation();
            boolean shown = e.tests().stream().anyMatch(t -> !t.passed() && (!t.hidden() || hiddenDetails));
            if (x != null && x.traced() && shown && e.tests().stream().noneMatch(t -> t.message() != null && t.message().contains(x.text()))) {
                sb.append("\nThe interleaving Lincheck found (replay with `--seed ").append(g.seed()).append("`):\n\n")
                        .append(fenced(x.text().strip())).append('\n');
            }
        }
        if (!reviews.isEmpty()) {
            sb.append("\n## Reviews\n\n");
            reviews.forEach(r -> sb.append("- ").append(r).append('\n'));
        }
        return sb.toString();
    }

    /** {@code text} as a fenced code block that nothing inside it can close. */
    static String fenced(String text) {
        String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
        return fence + "\n" + text + "\n" + fence + "\n";
    }

    /** {@code text} as inline code that nothing inside it can close (one line; empty stays empty). */
    public static String code(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ');
        if (line.isBlank()) {
            return line;
        }
        String ticks = "`".repeat(longestRun(line, '`') + 1);
        return ticks + " " + line + " " + ticks;
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** "final / points" under the course, else the tests' score. */
    private static String score(ExerciseResult e, Standing standing) {
        ExerciseScore s = standing == null ? null : standing.of(e.exercise());
        return s == null ? fmt(e.score()) + " / " + fmt(e.points()) : fmt(s.finalScore()) + " / " + fmt(s.points());
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
