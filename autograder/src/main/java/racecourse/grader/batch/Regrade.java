package racecourse.grader.batch;

import racecourse.grader.Catalog;
import racecourse.grader.Grader;
import racecourse.grader.explain.LincheckMode;
import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.grader.run.Limits;
import racecourse.grader.submission.Submission;
import racecourse.grader.submission.SubmissionReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Regrades a class: ROOT → roster (this shard's part) → per student and exercise a key → the
 * exercises without a record under their key are graded, {@code jobs} at once on a plain fixed
 * thread pool, each through {@link Grader#grade} for that one exercise (its own child JVM) → a
 * record per exercise → when a student's last exercise is in, their results.json and feedback.md →
 * at the end gradebook.csv, summary.md and totals.png from the manifest and the records.
 */
public final class Regrade {
    public record Request(Path root, Path out, int jobs, Shard shard, long seed, boolean force, int confirm,
                          List<String> exercises, Limits limits, Path home) {
    }

    /**
     * What happened: students in this shard; exercises graded now, the grader failed on, not graded
     * because the run was interrupted, taken from earlier runs; students not fully graded; errors
     * (one line each).
     */
    public record Outcome(int students, int graded, int failed, int interrupted, int cached, int notGraded,
                          List<String> errors) {
    }

    /** Grades one exercise of one student into its record (the real one: {@link #grade}; tests inject failures). */
    @FunctionalInterface
    interface GradeStep {
        ExerciseRecord grade(String student, Path submission, String exercise, String key, List<String> readNotes)
                throws Exception;
    }

    private Regrade() {
    }

    private record Task(String student, Path path, String exercise, String key, List<String> readNotes) {
    }

    public static Outcome run(Request req, Progress progress) throws IOException, InterruptedException {
        return run(req, progress, (student, path, exercise, key, readNotes) -> grade(student, path, exercise, key, readNotes, req));
    }

    /** The real grading of one exercise of one student (the first run and its confirmation reruns). */
    static ExerciseRecord grade(String student, Path path, String exercise, String key, List<String> readNotes, Request req)
            throws IOException, InterruptedException {
        return grade(new Task(student, path, exercise, key, readNotes), req);
    }

    static Outcome run(Request req, Progress progress, GradeStep step) throws IOException, InterruptedException {
        List<String> exercises = req.exercises().isEmpty() ? Catalog.EXERCISES
                : Catalog.EXERCISES.stream().filter(req.exercises()::contains).toList();
        for (String e : req.exercises()) {
            if (!Catalog.isExercise(e)) {
                throw new IllegalArgumentException("no exercise named " + e + "; the exercises are " + String.join(", ", Catalog.EXERCISES));
            }
        }
        if (req.jobs() < 1 || req.confirm() < 0) {
            throw new IllegalArgumentException("--jobs must be at least 1 and --confirm at least 0");
        }
        Roster all = Roster.of(req.root(), req.out());
        all.ignored().forEach(progress::note);
        if (all.students().isEmpty()) {
            throw new IllegalArgumentException(req.root() + " holds no student folders or zips (one per student: ROOT/<id>/ or ROOT/<id>.zip)");
        }
        Roster roster = all.shard(req.shard());
        Files.createDirectories(req.out());
        AtomicFiles.clean(req.out());
        Fingerprint fp = Fingerprint.ofThisGrader();
        RecordStore store = new RecordStore(req.out());

        List<Manifest.Entry> entries = new ArrayList<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>();
        int cached = 0;
        for (Roster.Student s : roster.students()) {
            String problem = s.problem();
            Submission sub = null;
            if (problem == null) {
                try {
                    checkZip(s.path());
                    sub = SubmissionReader.read(s.path());
                } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                    problem = "cannot read " + s.source() + ": " + e.getMessage();
                }
            }
            if (problem != null) {
                entries.add(new Manifest.Entry(s.id(), s.source(), problem, Map.of()));
                progress.note(Roster.printable(s.id()) + ": not graded: " + Roster.printable(problem));
                continue;
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (String x : exercises) {
                String key = fp.key(x, sub.files().get(x), req.seed(), req.confirm(), req.limits());
                keys.put(x, key);
                if (!req.force() && store.read(s.id(), x, key).isPresent()) {
                    cached++;
                } else {
                    tasks.add(new Task(s.id(), s.path(), x, key, sub.notes()));
                }
            }
            entries.add(new Manifest.Entry(s.id(), s.source(), null, keys));
            notes.put(s.id(), sub.notes());
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, req.shard().toString(), req.seed(), req.confirm(), exercises,
                fp.graderVersion(), all.fingerprint(), entries, all.ignored());
        manifest.write(req.out());
        progress.start(entries.size(), tasks.size(), cached);

        Map<String, AtomicInteger> remaining = new LinkedHashMap<>();
        entries.forEach(e -> remaining.put(e.id(), new AtomicInteger()));
        tasks.forEach(t -> remaining.get(t.student()).incrementAndGet());
        List<String> errors = new ArrayList<>();
        for (Manifest.Entry e : entries) {
            if (remaining.get(e.id()).get() == 0) {
                finishStudent(req, manifest, e, notes.get(e.id()), store, Map.of(), errors);
            }
        }
        ConcurrentLinkedQueue<String> taskErrors = new ConcurrentLinkedQueue<>();
        // Why an exercise has no record (the grader failed on it, or the run was interrupted):
        // student -> exercise -> reason, shown in that student's results instead of a score.
        Map<String, Map<String, String>> missing = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger graded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(req.jobs(),
                r -> Thread.ofPlatform().name("regrade-" + threads.incrementAndGet()).daemon().unstarted(r));
        Map<String, Manifest.Entry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        try {
            for (Task t : tasks) {
                pool.execute(() -> {
                    Progress.Ending ending = Progress.Ending.GRADED;
                    String reason = null;
                    double score = 0;
                    double points = Catalog.POINTS;
                    try {
                        ExerciseRecord r = step.grade(t.student(), t.path(), t.exercise(), t.key(), t.readNotes());
                        store.write(r);
                        score = r.result().score();
                        points = r.result().points();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        ending = Progress.Ending.INTERRUPTED;
                        reason = "interrupted";
                    } catch (Throwable e) {
                        // An Error too (StackOverflowError, OutOfMemoryError, an assertion in the grader):
                        // escaping here would kill the pool thread and leave the student without results.
                        ending = Progress.Ending.FAILED;
                        reason = e.toString();
                        taskErrors.add(Roster.printable(t.student()) + " " + t.exercise() + ": could not grade: " + e);
                    }
                    (switch (ending) {
                        case GRADED -> graded;
                        case FAILED -> failed;
                        case INTERRUPTED -> interrupted;
                    }).incrementAndGet();
                    if (reason != null) {
                        missing.computeIfAbsent(t.student(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                                .put(t.exercise(), ending == Progress.Ending.INTERRUPTED
                                        ? "the regrade was interrupted before this exercise was graded; run regrade again"
                                        : "the grader failed on this exercise (" + reason + "); run regrade again");
                    }
                    try {
                        progress.graded(t.student(), t.exercise(), ending, score, points, reason);
                    } finally {
                        if (remaining.get(t.student()).decrementAndGet() == 0) {
                            // Written even when interrupted (the flag would make the file channel
                            // throw ClosedByInterruptException); the flag is restored after.
                            boolean wasInterrupted = Thread.interrupted();
                            List<String> studentErrors = new ArrayList<>();
                            finishStudent(req, manifest, byId.get(t.student()), notes.get(t.student()), store,
                                    missing.getOrDefault(t.student(), Map.of()), studentErrors);
                            taskErrors.addAll(studentErrors);
                            if (wasInterrupted) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            // Each exercise is bounded by its child's wall-clock limit (and the reruns); so is the whole.
            long perTask = req.limits().wall().toSeconds() * (1 + req.confirm()) + 60;
            long bound = perTask * ((tasks.size() + req.jobs() - 1) / req.jobs()) + 60;
            if (!pool.awaitTermination(bound, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IOException("grading did not finish within " + bound + " s although every exercise is bounded; rerun to resume");
            }
        } finally {
            pool.shutdownNow();
        }
        errors.addAll(taskErrors);
        List<Row> rows = ClassReport.write(req.out(), manifest, store);
        progress.finish();
        int notGraded = (int) rows.stream().filter(r -> !r.graded()).count();
        return new Outcome(entries.size(), graded.get(), failed.get(), interrupted.get(), cached, notGraded, List.copyOf(errors));
    }

    /**
     * A zip must have its central directory: a truncated upload or a renamed other file would
     * otherwise read as a zip with no exercises and quietly score zero.
     */
    private static void checkZip(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {
                z.size();
            } catch (java.util.zip.ZipException e) {
                throw new IOException("not a readable zip (" + e.getMessage() + ")");
            }
        }
    }

    private static ExerciseRecord grade(Task t, Request req) throws IOException, InterruptedException {
        Grading first = Grader.grade(new Grader.Request(t.path(), List.of(t.exercise()), req.seed(), req.limits(), req.home()));
        ExerciseResult result = first.exercises().get(0);
        // Reruns only count whether a failure reproduces: no Lincheck explanation for them.
        Confirmer.Confirmed c = Confirmer.confirm(result, req.seed(), req.confirm(), seed ->
                Grader.grade(new Grader.Request(t.path(), List.of(t.exercise()), seed, req.limits(), req.home(),
                        LincheckMode.OFF)).exercises().get(0));
        List<String> graderNotes = first.notes().stream().filter(n -> !t.readNotes().contains(n)).toList();
        return new ExerciseRecord(t.key(), t.student(), c.result(), c.confirmations(), first.sandboxed(), graderNotes);
    }

    /**
     * Writes a student's results.json and feedback.md from their records; an exercise without a
     * record whose reason is in {@code missing} shows as not graded (score 0) with that reason.
     */
    private static void finishStudent(Request req, Manifest m, Manifest.Entry e, List<String> notes, RecordStore store,
                                      Map<String, String> missing, List<String> errors) {
        try {
            Path dir = req.out().resolve(e.id());
            if (e.problem() != null) {
                if (!Roster.RESERVED.contains(e.id().toLowerCase(java.util.Locale.ROOT))) {
                    StudentOutputs.writeProblem(dir, e.problem(), req.seed());
                }
                return;
            }
            List<ExerciseRecord> records = new ArrayList<>();
            for (String x : m.exercises()) {
                var r = store.read(e.id(), x, e.keys().get(x));
                if (r.isEmpty() && missing.containsKey(x)) {
                    // Not stored: the next run finds no record under the key and grades it again.
                    records.add(new ExerciseRecord(e.keys().get(x), e.id(), new ExerciseResult(x, Catalog.POINTS, List.of(),
                            true, 0, "Not graded: " + missing.get(x) + "."), List.of(), true, List.of()));
                    continue;
                }
                if (r.isEmpty()) {
                    errors.add(Roster.printable(e.id()) + ": " + x + " has no result; run regrade again");
                    return;
                }
                records.add(r.get());
            }
            List<String> studentNotes = new ArrayList<>(notes);
            // results.json shows the grading's notes, not an exercise's: the reason goes there too.
            missing.forEach((x, why) -> studentNotes.add(x + ": not graded: " + why + "."));
            StudentOutputs.write(dir, StudentOutputs.grading(records, studentNotes, req.seed()));
        } catch (IOException | RuntimeException ex) {
            errors.add(Roster.printable(e.id()) + ": could not write results: " + ex);
        }
    }
}
