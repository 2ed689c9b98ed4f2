package racecourse.grader.batch;

import racecourse.grader.report.ExerciseResult;
import racecourse.grader.report.Feedback;
import racecourse.grader.report.FeedbackHtml;
import racecourse.grader.report.GradescopeResults;
import racecourse.grader.report.Grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DIR/<student>/results.json}, {@code feedback.md} and {@code feedback.html}, in the same formats as
 * {@code racecourse grade} (the same report classes), assembled from the student's records; each
 * file written whole. The notes add, after what reading the submission said, the outcome of every
 * confirmation rerun.
 */
public final class StudentOutputs {
    private StudentOutputs() {
    }

    public static Grading grading(List<ExerciseRecord> records, List<String> submissionNotes, long seed) {
        List<String> notes = new ArrayList<>(submissionNotes);
        boolean sandboxed = records.stream().allMatch(ExerciseRecord::sandboxed);
        records.stream().flatMap(r -> r.graderNotes().stream()).distinct().filter(n -> !notes.contains(n)).forEach(notes::add);
        for (ExerciseRecord r : records) {
            r.confirmations().forEach(c -> notes.add(c.describe(r.result().exercise())));
        }
        List<ExerciseResult> results = records.stream().map(ExerciseRecord::result).toList();
        double seconds = results.stream().mapToDouble(ExerciseResult::seconds).sum();
        return new Grading(results, seed, notes, seconds, sandboxed);
    }

    /** The student's reviews (OUT/reviews.csv, {@code dir} being OUT/<student>) are shown in the feedback. */
    public static void write(Path dir, Grading g) throws IOException {
        Path out = dir.toAbsolutePath().getParent();
        String student = dir.getFileName().toString();
        write(dir, g, Reviews.read(out).of(student).stream().map(Review::feedbackLine).toList());
    }

    /**
     * With {@code reviews}: the lines feedback shows under "Reviews". Hidden-test details are never
     * shown ({@link #HIDDEN_DETAILS}); the course file may later decide it per exercise and deadline.
     */
    public static void write(Path dir, Grading g, List<String> reviews) throws IOException {
        String md = Feedback.markdown(g, HIDDEN_DETAILS, reviews);
        AtomicFiles.write(dir.resolve("results.json"), GradescopeResults.json(g));
        AtomicFiles.write(dir.resolve("feedback.md"), md);
        AtomicFiles.write(dir.resolve("feedback.html"), FeedbackHtml.page(md));
    }

    /** Whether feedback shows hidden tests' messages: never, until the course file says otherwise. */
    static final boolean HIDDEN_DETAILS = false;

    /** For a student who could not be graded: score 0, no tests, the reason as the only note. */
    public static void writeProblem(Path dir, String problem, long seed) throws IOException {
        write(dir, new Grading(List.of(), seed, List.of("not graded: " + problem), 0, true));
    }
}
