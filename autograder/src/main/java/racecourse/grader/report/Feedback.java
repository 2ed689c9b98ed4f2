package racecourse.grader.report;

import java.util.Locale;

/** feedback.md: per exercise the score and, for each failed test, its verdict and what went wrong. */
public final class Feedback {
    private Feedback() {
    }

    public static String markdown(Grading g) {
        StringBuilder sb = new StringBuilder("# Racecourse grading\n\n");
        sb.append(String.format(Locale.ROOT, "Score: **%s / %s**. Seed %d (replay with `--seed %d`).%n",
                fmt(g.score()), fmt(g.maxScore()), g.seed(), g.seed()));
        var warnings = g.notes().stream().filter(Grading.SANDBOX_WARNINGS::contains).toList();
        if (!g.sandboxed() && warnings.isEmpty()) {
            warnings = java.util.List.of(Grading.NO_SANDBOX);
        }
        warnings.forEach(w -> sb.append("\nW").append(w.substring(1)).append('\n'));
        var notes = g.notes().stream().filter(n -> !Grading.SANDBOX_WARNINGS.contains(n)).toList();
        if (!notes.isEmpty()) {
            sb.append("\nAbout the submission:\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        sb.append("\n| exercise | score | failed tests |\n|---|---|---|\n");
        for (ExerciseResult e : g.exercises()) {
            long failed = e.tests().stream().filter(t -> !t.passed()).count();
            sb.append("| ").append(e.exercise()).append(" | ").append(fmt(e.score())).append(" / ").append(fmt(e.points()))
                    .append(" | ").append(e.submitted() ? failed + " of " + e.tests().size() : "not submitted").append(" |\n");
        }
        for (ExerciseResult e : g.exercises()) {
            sb.append("\n## ").append(e.exercise()).append(" — ").append(fmt(e.score())).append(" / ").append(fmt(e.points())).append("\n\n");
            if (e.note() != null) {
                sb.append(e.note()).append("\n\n");
            }
            for (TestResult t : e.tests()) {
                if (t.passed()) {
                    sb.append("- passed: ").append(t.name()).append('\n');
                } else {
                    sb.append("- **failed (").append(t.verdict().label()).append(")**: ").append(t.name())
                            .append(t.hidden() ? " (hidden test)" : "").append('\n');
                    if (!t.hidden() && t.message() != null) {
                        sb.append("\n```\n").append(t.message().strip()).append("\n```\n\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
