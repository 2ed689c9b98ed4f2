package racecourse.grader.batch;

import racecourse.results.ExerciseResult;
import racecourse.grader.report.Feedback;
import racecourse.grader.report.FeedbackHtml;
import racecourse.grader.report.GradescopeResults;
import racecourse.results.Grading;
import racecourse.results.GradingJson;
import racecourse.grader.course.Terms;

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

    /** Without a course: the tests' scores; the student's reviews (OUT/reviews.csv, {@code dir} being OUT/<student>) shown. */
    public static void write(Path dir, Grading g) throws IOException {
        write(dir, g, reviews(dir), null);
    }

    /** The review lines feedback shows for the student whose folder is {@code dir} (OUT/<student>). */
    static List<String> reviews(Path dir) throws IOException {
        Path out = dir.toAbsolutePath().getParent();
        return Reviews.read(out).of(dir.getFileName().toString()).stream().map(Review::feedbackLine).toList();
    }

    /**
     * With {@code reviews}: the lines feedback shows under "Reviews"; with {@code terms} (null for
     * none): the course's scores, penalties and hidden details. grading.json keeps the typed grading,
     * from which {@link Rescore} writes these files again under a changed course. A file whose
     * text is unchanged is left as it is (a rescore of a class rewrites only what changed).
     */
    public static void write(Path dir, Grading g, List<String> reviews, Terms terms) throws IOException {
        AtomicFiles.writeIfChanged(dir.resolve(GradingJson.FILE), GradingJson.write(g));
        Grading shown = terms == null ? g : terms.within(g);
        String md = Feedback.markdown(shown, terms == null ? null : terms.standing(shown), reviews);
        AtomicFiles.writeIfChanged(dir.resolve("results.json"), terms == null ? GradescopeResults.json(g) : terms.resultsJson(shown));
        AtomicFiles.writeIfChanged(dir.resolve("feedback.md"), md);
        AtomicFiles.writeIfChanged(dir.resolve("feedback.html"), FeedbackHtml.page(md));
    }

    /** For a student who could not be graded: score 0, no tests, the reason as the only note. */
    public static void writeProblem(Path dir, String problem, long seed) throws IOException {
        write(dir, new Grading(List.of(), seed, List.of("not graded: " + problem), 0, true));
    }
}
