package racecourse.grader.course;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import racecourse.results.ExerciseResult;
import racecourse.results.ExerciseScore;
import racecourse.grader.report.GradescopeResults;
import racecourse.results.Grading;
import racecourse.results.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * results.json (Gradescope's format, as {@link GradescopeResults} writes it) under a course: each
 * test's score and max_score weighted and scaled to the course's points, the top-level score the
 * sum of the final scores (late penalty applied where the receive time is known), a line per late
 * exercise in the output, the course's figures in extra_data.course, and, with
 * {@code hidden_details = "after-deadline"}, each failed hidden test's details as an extra entry
 * Gradescope shows only after the due date.
 */
public final class CourseResults {
    private CourseResults() {
    }

    private static final com.google.gson.Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    public static List<ExerciseScore> scores(Grading g, Course course, String student, ReceiveTime received) {
        return scores(g, course, student, StudentReceiveTimes.same(received));
    }

    /** Each exercise scored with its own receive time. */
    public static List<ExerciseScore> scores(Grading g, Course course, String student, StudentReceiveTimes received) {
        return g.exercises().stream().map(e -> Scorer.score(course, student, e, received.of(e.exercise()))).toList();
    }

    public static String json(Grading g, Course course, String student, ReceiveTime received) {
        return json(g, course, student, StudentReceiveTimes.same(received));
    }

    /**
     * With a time per exercise, {@code extra_data.course.received} is null and each exercise's
     * entry has its own {@code received} and {@code received_from}.
     */
    public static String json(Grading g, Course course, String student, StudentReceiveTimes received) {
        JsonObject root = GradescopeResults.tree(g);
        List<ExerciseScore> scores = scores(g, course, student, received);
        JsonArray tests = root.getAsJsonArray("tests");
        JsonArray out = new JsonArray();
        int i = 0;
        List<String> lines = new ArrayList<>();
        for (ExerciseResult e : g.exercises()) {
            ExercisePlan plan = course.plan(e.exercise());
            double totalWeight = e.tests().stream().mapToDouble(t -> plan.weight(t.name())).sum();
            ExerciseScore s = scores.get(g.exercises().indexOf(e));
            double keep = (100 - s.penaltyPercent()) / 100;
            for (TestResult t : e.tests()) {
                JsonObject entry = tests.get(i++).getAsJsonObject();
                double max = totalWeight == 0 ? 0 : plan.points() * plan.weight(t.name()) / totalWeight;
                entry.addProperty("max_score", round(max));
                entry.addProperty("score", t.passed() ? round(max * keep) : 0.0);
                out.add(entry);
                if (t.hidden() && !t.passed() && course.hiddenDetails() == HiddenDetails.AFTER_DEADLINE && t.message() != null) {
                    JsonObject details = new JsonObject();
                    details.addProperty("name", e.exercise() + ": " + t.name() + " (hidden: details)");
                    details.addProperty("score", 0.0);
                    details.addProperty("max_score", 0.0);
                    details.addProperty("output", "verdict: " + t.verdict().label() + "\n" + t.message());
                    details.addProperty("visibility", "after_due_date");
                    out.add(details);
                }
            }
            if (s.penaltyPercent() > 0) {
                lines.add(String.format(Locale.ROOT, "%s: received %.2f h after the deadline: %s%% late penalty (%s of %s points)",
                        e.exercise(), s.hoursLate(), number(s.penaltyPercent()), number(s.finalScore()), number(s.points())));
            } else if (s.lateNote().startsWith("receive time unknown")) {
                lines.add(e.exercise() + ": " + s.lateNote());
            }
        }
        root.add("tests", out);
        root.addProperty("score", round(scores.stream().mapToDouble(ExerciseScore::finalScore).sum()));
        if (!lines.isEmpty()) {
            root.addProperty("output", root.get("output").getAsString() + "\n" + String.join("\n", lines));
        }
        JsonObject c = new JsonObject();
        c.addProperty("title", course.title());
        c.addProperty("received", received.uniform() && received.all().known() ? received.all().at().toString() : null);
        c.addProperty("received_from", received.uniform() ? received.all().source() : "per exercise");
        JsonObject per = new JsonObject();
        for (ExerciseScore s : scores) {
            JsonObject m = new JsonObject();
            m.addProperty("raw", s.raw());
            m.addProperty("points", s.points());
            if (s.hoursLate() != null) {
                m.addProperty("hours_late", s.hoursLate());
            }
            m.addProperty("penalty_percent", s.penaltyPercent());
            m.addProperty("final", s.finalScore());
            if (!s.lateNote().isEmpty()) {
                m.addProperty("note", s.lateNote());
            }
            if (!received.uniform()) {
                ReceiveTime t = received.of(s.exercise());
                m.addProperty("received", t.known() ? t.at().toString() : null);
                m.addProperty("received_from", t.source());
            }
            per.add(s.exercise(), m);
        }
        c.add("exercises", per);
        root.getAsJsonObject("extra_data").add("course", c);
        return GSON.toJson(root);
    }

    /** One line for a terminal: the course's score of each exercise. */
    public static String summary(List<ExerciseScore> scores) {
        StringBuilder b = new StringBuilder("Course score:");
        for (ExerciseScore s : scores) {
            b.append(' ').append(s.exercise()).append(' ').append(number(s.finalScore())).append('/').append(number(s.points()));
            if (s.penaltyPercent() > 0) {
                b.append(" (").append(number(s.penaltyPercent())).append("% late)");
            }
            b.append(';');
        }
        b.setLength(b.length() - 1);
        return b.append('.').toString();
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
