package racecourse.server.client;

import racecourse.results.ExerciseScore;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A receipt and a submission's verdicts as text for a terminal, in the layout {@code %grade} prints. */
public final class VerdictText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private VerdictText() {
    }

    public static String receipt(Receipt r) {
        return "Submitted " + String.join(", ", r.exercises()) + ": receipt " + r.id() + ", received "
                + TIME.format(r.receivedAt()) + (r.late() ? ", LATE (" + String.join(", ", r.lateExercises()) + ")" : ", on time") + "\n";
    }

    public static String verdicts(SubmissionStatus s) {
        StringBuilder b = new StringBuilder();
        switch (s.state()) {
            case QUEUED, GRADING -> {
                return "Not graded yet (" + s.state().name().toLowerCase(Locale.ROOT) + "); see it later with the receipt id.\n";
            }
            case FAILED -> {
                return "Grading failed: " + s.error() + "\n";
            }
            case GRADED -> { }
        }
        for (ExerciseResult e : s.grading().exercises()) {
            ExerciseScore sc = s.scores().stream().filter(x -> x.exercise().equals(e.exercise())).findFirst().orElse(null);
            long passed = e.tests().stream().filter(TestResult::passed).count();
            b.append(e.exercise()).append(": ").append(sc == null ? fmt(e.score()) : fmt(sc.finalScore())).append(" / ")
                    .append(sc == null ? fmt(e.points()) : fmt(sc.points())).append(" (").append(passed).append(" of ")
                    .append(e.tests().size()).append(" tests passed)");
            if (sc != null && sc.penaltyPercent() > 0) {
                b.append(", ").append(fmt(sc.penaltyPercent())).append(" % late penalty");
            }
            b.append('\n');
            for (TestResult t : e.tests()) {
                b.append(t.passed() ? "  PASS  " : "  FAIL  ").append(t.name()).append(t.hidden() ? " (hidden)" : "");
                if (!t.passed()) {
                    b.append("  [").append(t.verdict().label()).append("]");
                    String why = t.hidden() && t.message() == null ? "hidden test: the grader shows its verdict only"
                            : t.message() == null ? "" : t.message().strip();
                    why.lines().forEach(l -> b.append("\n        ").append(l));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
