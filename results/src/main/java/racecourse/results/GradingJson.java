package racecourse.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.util.Objects;

/**
 * The one codec of a {@link Grading} between processes: {@code grading.json} beside results.json
 * holds the grading's own records, so a tool that starts the grader (the kernel's {@code %grade})
 * reads verdicts, hidden flags and messages as typed values, never by parsing results.json's text
 * meant for Gradescope. It is the grading as graded: a course file's weights and late penalties
 * apply to results.json and the gradebook, not here. A hidden test's message is not written.
 */
public final class GradingJson {
    /** Its name in a grading's output folder. */
    public static final String FILE = "grading.json";

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private GradingJson() {
    }

    /**
     * The grading as JSON, a hidden test's message left out: this file sits beside the feedback a
     * student may get, and a hidden test shows its verdict only, as in results.json.
     */
    public static String write(Grading grading) {
        return GSON.toJson(withoutHiddenMessages(grading));
    }

    static Grading withoutHiddenMessages(Grading g) {
        return new Grading(g.exercises().stream().map(e -> new ExerciseResult(e.exercise(), e.points(),
                e.tests().stream().map(t -> t.hidden() && t.message() != null
                        ? new TestResult(t.exercise(), t.id(), t.name(), true, t.verdict(), null, t.millis()) : t).toList(),
                e.submitted(), e.seconds(), e.note(), e.explanation())).toList(), g.seed(), g.notes(), g.seconds(), g.sandboxed());
    }

    /** The grading in {@code json}; a malformed or incomplete one is an IllegalArgumentException naming what is wrong. */
    public static Grading read(String json) {
        Grading g;
        try {
            g = GSON.fromJson(json, Grading.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException(FILE + " is not a grading: " + e.getMessage(), e);
        }
        if (g == null || g.exercises() == null || g.notes() == null) {
            throw new IllegalArgumentException(FILE + " is not a grading: no exercises or notes");
        }
        for (ExerciseResult e : g.exercises()) {
            if (e == null || e.exercise() == null || e.tests() == null) {
                throw new IllegalArgumentException(FILE + " is not a grading: an exercise without its name or tests");
            }
            for (TestResult t : e.tests()) {
                Objects.requireNonNull(t, FILE + ": a null test in " + e.exercise());
                if (t.name() == null || t.exercise() == null) {
                    throw new IllegalArgumentException(FILE + " is not a grading: a test of " + e.exercise() + " without its name");
                }
            }
        }
        return g;
    }
}
