package racecourse.grader.batch;

import racecourse.grader.course.Course;
import racecourse.grader.course.Terms;
import racecourse.results.Grading;
import racecourse.results.GradingJson;
import racecourse.results.ExerciseScore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code racecourse rescore OUT --course course.toml}: the gradebook of a finished regrade under a
 * (changed) course file: points, weights, deadlines, extensions, late policy. Reads only the
 * manifest, the stored per-test records and the stored receive times: no submission is read and no
 * grading JVM starts, so a class of hundreds re-scores in about a second.
 */
public final class Rescore {
    private Rescore() {
    }

    /** Students re-scored and the rows of the gradebook written. */
    public record Outcome(int students, List<Row> rows) {
    }

    public static Outcome run(Path out, Course course) throws IOException {
        Manifest m = Manifest.read(out);
        List<String> missing = course.exercises().stream().filter(x -> !m.exercises().contains(x)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the course grades " + String.join(", ", missing) + " but the regrade in " + out
                    + " did not; regrade with --course (or --exercise) to grade it");
        }
        RecordStore store = new RecordStore(out);
        ReceivedTimes received = ReceivedTimes.read(out);
        // Reading the records is most of the work: one small file each, read on every core.
        List<Row> rows = m.students().parallelStream().map(e -> Row.of(e, m.exercises(), store)).toList();
        write(out, course, rows, received);
        rewriteFeedback(out, course, rows, received);
        return new Outcome(rows.size(), rows);
    }

    /**
     * Each graded student's results.json, feedback.md and feedback.html under the course, from their
     * records and the grading.json beside them (seed and notes), so what a student reads agrees with the gradebook: the same
     * points, penalty and final score, and hidden details once their deadline has passed.
     */
    static void rewriteFeedback(Path out, Course course, List<Row> rows, ReceivedTimes received) throws IOException {
        Reviews reviews = Reviews.read(out);
        Instant now = Instant.now();
        // Three small files each, every one flushed to disk: waiting on the disk, not the CPU, so more threads than cores.
        List<IOException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (Row r : rows) {
                if (!r.graded()) {
                    continue;
                }
                pool.execute(() -> {
                    Path dir = out.resolve(r.id());
                    try {
                        Path saved = dir.resolve(GradingJson.FILE);
                        if (Files.isRegularFile(saved)) {
                            // The student's grading.json has the seed and notes but not hidden tests' messages: those come from the records.
                            Grading notes = GradingJson.read(Files.readString(saved));
                            Grading g = new Grading(r.records().values().stream().map(ExerciseRecord::result).toList(),
                                    notes.seed(), notes.notes(), notes.seconds(), notes.sandboxed());
                            StudentOutputs.write(dir, g, reviews.of(r.id()).stream().map(Review::feedbackLine).toList(),
                                    new Terms(course, r.id(), received.of(r.id()), now));
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(new IOException(r.id() + ": could not write feedback under the course: " + e.getMessage(), e));
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** gradebook.csv and totals.png under the course (summary.md counts tests and verdicts: unchanged). */
    static void write(Path out, Course course, List<Row> rows, ReceivedTimes received) throws IOException {
        List<List<ExerciseScore>> scores = rows.stream().map(r -> Gradebook.scores(course, r, received)).toList();
        AtomicFiles.write(out.resolve("gradebook.csv"), Gradebook.csv(course, rows, scores));
        List<Double> totals = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).graded()) {
                totals.add(Gradebook.total(scores.get(i)));
            }
        }
        AtomicFiles.write(out.resolve("totals.png"), Histogram.png(totals, course.totalPoints()));
    }
}
