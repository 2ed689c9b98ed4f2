package racecourse.grader.batch;

import racecourse.grader.Grader;
import racecourse.grader.explain.LincheckMode;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.grader.report.Feedback;
import racecourse.results.TestResult;
import racecourse.grader.run.Limits;
import racecourse.grader.submission.SubmissionReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code racecourse review}: one student's exercise graded again on request. The recorded seed is
 * replayed, then {@code confirm} more seeds (after those the regrade's own {@code --confirm} used);
 * a test that failed in the replay counts as failed only if it fails again in one of them (as
 * {@link Confirmer} decides; with no more seeds, the replay stands). The reviewed result replaces
 * the stored record under the same key, so the gradebook, summary and export take it; a later
 * regrade of changed files or grader grades anew. Every review is a row of reviews.csv and a line
 * of the student's feedback.
 */
public final class Review {
    /** Where the regrade keeps ROOT's absolute path, for review to find the submission. */
    public static final String ROOT_FILE = "root";

    public record Request(Path out, String student, String exercise, int confirm, String note, Path root, Limits limits,
                          Path home) {
    }

    private Review() {
    }

    public static void rememberRoot(Path out, Path root) throws IOException {
        RememberedPath.write(out, ROOT_FILE, root);
    }

    public static Reviews.Review run(Request req) throws IOException, InterruptedException {
        Manifest m = Manifest.read(req.out());
        if (req.confirm() < 0) {
            throw new IllegalArgumentException("--confirm must be at least 0");
        }
        if (req.note().codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t') || req.note().length() > 2000) {
            throw new IllegalArgumentException("--note must be one line of at most 2000 characters");
        }
        Manifest.Entry e = m.students().stream().filter(s -> Shard.normal(s.id()).equals(Shard.normal(req.student()))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no student '" + Roster.printable(req.student()) + "' in " + req.out()));
        if (!m.exercises().contains(req.exercise())) {
            throw new IllegalArgumentException("no exercise " + Roster.printable(req.exercise()) + " in this regrade; it graded "
                    + String.join(", ", m.exercises()));
        }
        if (e.problem() != null) {
            throw new IllegalArgumentException(Roster.printable(e.id()) + " was not graded (" + Roster.printable(e.problem())
                    + "); fix that and regrade");
        }
        RecordStore store = new RecordStore(req.out());
        String key = e.keys().get(req.exercise());
        ExerciseRecord before = store.read(e.id(), req.exercise(), key).orElseThrow(() -> new IllegalArgumentException(
                Roster.printable(e.id()) + " " + req.exercise() + " has no result yet; run the regrade again first"));
        Path root = req.root() != null ? req.root() : storedRoot(req.out());
        Path submission = root.resolve(e.source().endsWith("/") ? e.source().substring(0, e.source().length() - 1) : e.source());
        if (!submission.normalize().startsWith(root.normalize()) || !Files.exists(submission)) {
            throw new IllegalArgumentException("the submission " + Roster.printable(e.source()) + " is not in " + root
                    + " any more; pass --root ROOT");
        }
        long seed = m.seed();
        ExerciseResult replay = grade(submission, req, seed, LincheckMode.DEFAULT);
        List<Long> seeds = new ArrayList<>();
        Map<String, Integer> again = new HashMap<>();
        boolean anyFailing = replay.tests().stream().anyMatch(t -> !t.passed() && t.verdict() != Verdict.COMPILE);
        for (int i = 1; anyFailing && i <= req.confirm(); i++) {
            long s = Confirmer.seed(seed, m.confirm() + i);
            seeds.add(s);
            for (TestResult t : grade(submission, req, s, LincheckMode.OFF).tests()) {
                if (!t.passed()) {
                    again.merge(t.id(), 1, Integer::sum);
                }
            }
        }
        List<Confirmation> confirmations = new ArrayList<>();
        List<TestResult> tests = new ArrayList<>();
        for (TestResult t : replay.tests()) {
            if (t.passed() || t.verdict() == Verdict.COMPILE || seeds.isEmpty()) {
                tests.add(t);
                continue;
            }
            Confirmation c = new Confirmation(t.id(), t.name(), t.verdict().label(), seed, List.copyOf(seeds), again.getOrDefault(t.id(), 0));
            confirmations.add(c);
            tests.add(c.flagged() ? new TestResult(t.exercise(), t.id(), t.name(), t.hidden(), null, null, t.millis()) : t);
        }
        ExerciseResult reviewed = new ExerciseResult(replay.exercise(), replay.points(), tests, replay.submitted(),
                replay.seconds(), replay.note(), replay.explanation());
        Reviews.Review review = new Reviews.Review(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), e.id(), req.exercise(),
                before.result().score(), reviewed.score(), reviewed.points(), seed, List.copyOf(seeds), req.note());
        List<String> notes = SubmissionReader.read(submission).notes();
        // Three teaching assistants may review at once: the writes of one review go together (the
        // gradings above run in parallel; reviews.csv is read and rewritten under the lock).
        Path lock = Manifest.path(req.out()).resolveSibling("review.lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            // The log first: a review recorded but not yet applied is visible; the reverse would not be.
            Reviews.read(req.out()).append(req.out(), review);
            store.write(new ExerciseRecord(key, e.id(), reviewed, confirmations, before.sandboxed(), before.graderNotes()));
            List<ExerciseRecord> records = new ArrayList<>();
            for (String x : m.exercises()) {
                records.add(store.read(e.id(), x, e.keys().get(x)).orElseThrow(() -> new IllegalArgumentException(
                        Roster.printable(e.id()) + " " + x + " has no result yet; run the regrade again first")));
            }
            StudentOutputs.write(req.out().resolve(e.id()), StudentOutputs.grading(records, notes, seed));
            ClassReport.write(req.out(), m, store);
        }
        return review;
    }

    /** The line a student's feedback shows for a review. */
    public static String feedbackLine(Reviews.Review r) {
        String seeds = r.seeds().isEmpty() ? "" : ", then seeds " + String.join(", ", r.seeds().stream().map(String::valueOf).toList());
        return r.exercise() + " reviewed " + r.reviewedAt() + ": " + Gradebook.number(r.before()) + " → "
                + Gradebook.number(r.after()) + " / " + Gradebook.number(r.points()) + " (replayed seed " + r.recordedSeed() + seeds + ")"
                + (r.note().isBlank() ? "" : ". Note: " + Feedback.code(r.note()));
    }

    private static ExerciseResult grade(Path submission, Request req, long seed, LincheckMode lincheck)
            throws IOException, InterruptedException {
        return Grader.grade(new Grader.Request(submission, List.of(req.exercise()), seed, req.limits(), req.home(), lincheck))
                .exercises().get(0);
    }

    private static Path storedRoot(Path out) throws IOException {
        return RememberedPath.read(out, ROOT_FILE)
                .orElseThrow(() -> new IllegalArgumentException(out + " does not say where its ROOT is; pass --root ROOT"));
    }
}
