package racecourse.grader.report;

import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;
import racecourse.results.Grading;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results.json in Gradescope's autograder format: score, execution_time, output, tests[] with
 * name, score, max_score, status, output, tags, visibility. Hidden tests show their name and
 * verdict only.
 */
public final class GradescopeResults {
    private GradescopeResults() {
    }

    /** One instance: building a Gson costs more than writing a student's results with it (rescore writes hundreds). */
    private static final com.google.gson.Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public static String json(Grading g) {
        return GSON.toJson(map(g));
    }

    /** results.json as a JSON tree, for a writer that adds to it (the course's scores). */
    public static com.google.gson.JsonObject tree(Grading g) {
        return GSON.toJsonTree(map(g)).getAsJsonObject();
    }

    private static Map<String, Object> map(Grading g) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", g.score());
        root.put("execution_time", Math.round(g.seconds()));
        root.put("output", g.seedAndNotes());
        root.put("stdout_visibility", "visible");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (ExerciseResult e : g.exercises()) {
            for (TestResult t : e.tests()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.exercise() + ": " + t.name() + (t.hidden() ? " (hidden)" : ""));
                m.put("score", t.passed() ? round(e.perTest()) : 0.0);
                m.put("max_score", round(e.perTest()));
                m.put("status", t.passed() ? "passed" : "failed");
                m.put("output", output(t));
                List<String> tags = new ArrayList<>(List.of("exercise:" + e.exercise()));
                if (!t.passed()) {
                    tags.add(t.verdict().tag());
                }
                m.put("tags", tags);
                m.put("visibility", "visible");
                tests.add(m);
            }
        }
        root.put("tests", tests);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("seed", g.seed());
        extra.put("sandboxed", g.sandboxed());
        Map<String, Object> perExercise = new LinkedHashMap<>();
        for (ExerciseResult e : g.exercises()) {
            Map<String, Object> m = new LinkedHashMap<>(Map.of("score", e.score(), "max_score", e.points(),
                    "submitted", e.submitted(), "seconds", Math.round(e.seconds() * 100) / 100.0));
            if (e.explanation() != null) {
                m.put("lincheck", Map.of("outcome", e.explanation().outcome().label(),
                        "seconds", Math.round(e.explanation().seconds() * 100) / 100.0));
            }
            perExercise.put(e.exercise(), m);
        }
        extra.put("exercises", perExercise);
        root.put("extra_data", extra);
        return root;
    }

    static String output(TestResult t) {
        if (t.passed()) {
            return "passed";
        }
        if (t.hidden()) {
            return "verdict: " + t.verdict().label() + " (hidden test: details are not shown)";
        }
        return "verdict: " + t.verdict().label() + "\n" + t.message();
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
