package racecourse.grader;

import racecourse.grader.compile.CompileResult;
import racecourse.grader.compile.ExerciseCompiler;
import racecourse.grader.explain.Explainer;
import racecourse.results.Explanation;
import racecourse.grader.explain.LincheckMode;
import racecourse.grader.harness.Suites;
import racecourse.results.Verdict;
import racecourse.grader.model.ChildEvent;
import racecourse.results.ExerciseResult;
import racecourse.grader.report.Feedback;
import racecourse.grader.report.GradescopeResults;
import racecourse.results.Grading;
import racecourse.results.TestResult;
import racecourse.grader.run.ChildOutcome;
import racecourse.grader.run.ChildRunner;
import racecourse.grader.run.Limits;
import racecourse.grader.run.Sandbox;
import racecourse.grader.run.TestPlan;
import racecourse.grader.submission.SourceFile;
import racecourse.grader.submission.Submission;
import racecourse.grader.submission.SubmissionReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Grades a submission: read → compile each exercise → run its suites in a child JVM → verdicts → report. */
public final class Grader {
    /**
     * What to grade and how. {@code exercises} empty means all of {@link Catalog#EXERCISES}; {@code home} may be null;
     * {@code lincheck} says whether race/exclusion failures get a Lincheck trace; {@code jobs} is
     * how many exercises are graded at once, each in its own child JVM (as {@code regrade --jobs}).
     */
    public record Request(Path submission, List<String> exercises, long seed, Limits limits, Path home,
                          LincheckMode lincheck, int jobs) {
        public Request {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
            }
        }

        /** One exercise at a time. */
        public Request(Path submission, List<String> exercises, long seed, Limits limits, Path home,
                       LincheckMode lincheck) {
            this(submission, exercises, seed, limits, home, lincheck, 1);
        }

        /** One exercise at a time, with the default Lincheck mode. */
        public Request(Path submission, List<String> exercises, long seed, Limits limits, Path home) {
            this(submission, exercises, seed, limits, home, LincheckMode.DEFAULT, 1);
        }
    }

    private Grader() {
    }

    /**
     * How many exercises {@code grade} and {@code regrade} grade at once unless told: one more than
     * the cores. A child spends much of its life in bounded waits and its JVM's start, so two
     * children keep only about 1.2 of 2 cores busy; the corpora's 20-run sweeps graded under far
     * more contention than a third child adds (load average 5-16 on 2 cores) and kept every verdict.
     */
    public static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    public static Grading grade(Request request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (String e : request.exercises()) {
            if (!Catalog.isExercise(e)) {
                throw new IllegalArgumentException("no exercise named " + e + "; the exercises are " + String.join(", ", Catalog.EXERCISES));
            }
        }
        Submission submission = SubmissionReader.read(request.submission());
        List<String> chosen = request.exercises().isEmpty() ? Catalog.EXERCISES : request.exercises();
        List<String> notes = new ArrayList<>();
        if (chosen.stream().anyMatch(e -> !Suites.hiddenAvailable(e, Grader.class.getClassLoader()))) {
            // The student edition: first, so that no one takes a public pass for the grade.
            notes.add(Suites.PUBLIC_ONLY);
        }
        notes.addAll(submission.notes());
        Sandbox.Kind sandbox = Sandbox.kind();
        switch (sandbox) {
            case UNSHARE -> notes.add(Grading.UNSHARE_ONLY);
            case NONE -> notes.add(Grading.NO_SANDBOX);
            case BWRAP -> { }
        }
        Path work = Files.createTempDirectory("racecourse-grade-");
        List<ExerciseResult> results;
        try {
            results = request.jobs() == 1 || chosen.size() == 1
                    ? gradeInTurn(chosen, submission, work, request)
                    : gradeAtOnce(chosen, submission, work, request);
        } finally {
            deleteQuietly(work);
        }
        return new Grading(results, request.seed(), notes, (System.nanoTime() - start) / 1e9, sandbox == Sandbox.Kind.BWRAP);
    }

    private static List<ExerciseResult> gradeInTurn(List<String> chosen, Submission submission, Path work, Request request)
            throws IOException, InterruptedException {
        List<ExerciseResult> results = new ArrayList<>();
        for (String exercise : chosen) {
            results.add(gradeExercise(exercise, submission.files().get(exercise), work, request));
        }
        return results;
    }

    /**
     * {@code request.jobs()} exercises at once, the longest first (so the last to start are short),
     * results in the order asked. Interrupting the grader cancels the rest; each running child is
     * killed by its runner.
     */
    private static List<ExerciseResult> gradeAtOnce(List<String> chosen, Submission submission, Path work, Request request)
            throws IOException, InterruptedException {
        Map<String, Future<ExerciseResult>> futures = new HashMap<>();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.jobs(), chosen.size()),
                r -> new Thread(r, "grade-" + n.incrementAndGet()));
        try {
            for (String exercise : Catalog.longestFirst(chosen)) {
                futures.put(exercise, pool.submit(() -> gradeExercise(exercise, submission.files().get(exercise), work, request)));
            }
            List<ExerciseResult> results = new ArrayList<>();
            for (String exercise : chosen) {
                try {
                    results.add(futures.get(exercise).get());
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case InterruptedException ie -> throw ie;
                        case RuntimeException re -> throw re;
                        case Error err -> throw err;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                System.err.println("racecourse: an exercise's grading did not stop within 30 s of being cancelled");
            }
        }
    }

    public static void write(Grading grading, Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), GradescopeResults.json(grading), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(racecourse.results.GradingJson.FILE), racecourse.results.GradingJson.write(grading),
                StandardCharsets.UTF_8);
        String feedback = Feedback.markdown(grading);
        Files.writeString(out.resolve("feedback.md"), feedback, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("feedback.html"), racecourse.grader.report.FeedbackHtml.page(feedback), StandardCharsets.UTF_8);
    }

    /** The result of an exercise whose file is not in the submission (it scores 0; the gradebook says "not submitted"). */
    public static ExerciseResult notSubmitted(String exercise) {
        return new ExerciseResult(exercise, Catalog.POINTS,
                List.of(new TestResult(exercise, exercise + "#submitted", "submitted", false, Verdict.COMPILE,
                        "not submitted: no " + exercise + ".java in the submission", 0)),
                false, 0, "Not submitted.");
    }

    private static ExerciseResult gradeExercise(String exercise, SourceFile file, Path work, Request request)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<TestPlan.PlannedTest> plan = TestPlan.of(exercise);
        if (file == null) {
            return notSubmitted(exercise);
        }
        String problem = file.problem();
        CompileResult compiled = null;
        if (problem == null) {
            compiled = ExerciseCompiler.compile(exercise, file.text(), work.resolve(exercise).resolve("classes"));
            problem = compiled.error();
        }
        if (problem != null) {
            String message = problem.startsWith(exercise) ? problem : exercise + ".java: " + problem;
            List<TestResult> tests = plan.stream().map(t -> new TestResult(exercise, t.id(), t.name(), t.hidden(),
                    Verdict.COMPILE, message, 0)).toList();
            return new ExerciseResult(exercise, Catalog.POINTS, tests, true, seconds(start), "From " + file.origin() + ". " + message);
        }
        ChildOutcome outcome = ChildRunner.run(exercise, compiled.classes(), Files.createDirectories(work.resolve(exercise).resolve("run")),
                request.seed(), request.limits(), hidden(request.home()));
        List<TestResult> tests = collect(exercise, plan, outcome, request.limits());
        String note = "From " + file.origin() + "." + rejectedNote(outcome);
        Explanation explanation = null;
        if (Explainer.wanted(request.lincheck(), exercise, tests)) {
            explanation = Explainer.explain(exercise, compiled.classes(), work.resolve(exercise).resolve("lincheck"),
                    request.limits(), hidden(request.home()));
            tests = Explainer.attach(explanation, tests);
            if (tests.stream().noneMatch(t -> !t.hidden() && Explainer.explains(t))) {
                // Only hidden tests carry it, and their output is not shown: the exercise's note does.
                note += "\n\n```\n" + explanation.text() + "\n```";
            }
        }
        return new ExerciseResult(exercise, Catalog.POINTS, tests, true, seconds(start), note, explanation);
    }

    /**
     * One result per planned test, from the grader's view: a test the child reported, else failed
     * with the reason the child stopped (never passed).
     */
    static List<TestResult> collect(String exercise, List<TestPlan.PlannedTest> plan, ChildOutcome outcome, Limits limits) {
        Map<String, ChildEvent> reported = new HashMap<>();
        for (ChildEvent e : outcome.events()) {
            switch (e) {
                case ChildEvent.Passed p -> reported.putIfAbsent(p.test(), p);
                case ChildEvent.Failed f -> reported.putIfAbsent(f.test(), f);
                default -> {
                }
            }
        }
        ChildEvent.Fatal fatal = outcome.of(ChildEvent.Fatal.class).stream().findFirst().orElse(null);
        List<ChildEvent.Started> started = outcome.of(ChildEvent.Started.class);
        String running = started.isEmpty() ? null : started.get(started.size() - 1).test();
        ChildEvent.ContainerFailed container = outcome.of(ChildEvent.ContainerFailed.class).stream().findFirst().orElse(null);
        List<TestResult> results = new ArrayList<>();
        for (TestPlan.PlannedTest t : plan) {
            ChildEvent line = reported.get(t.id());
            if (line != null && (fatal == null || !t.id().equals(fatal.test()))) {
                results.add(switch (line) {
                    case ChildEvent.Passed p -> new TestResult(exercise, t.id(), t.name(), t.hidden(), null, null, p.millis());
                    case ChildEvent.Failed f -> new TestResult(exercise, t.id(), t.name(), t.hidden(), verdict(f.verdict()),
                            f.message(), f.millis());
                    default -> throw new IllegalStateException("not a test result: " + line);
                });
                continue;
            }
            Verdict v;
            String why;
            if (fatal != null) {
                v = verdict(fatal.verdict());
                why = t.id().equals(fatal.test()) ? fatal.message()
                        : "not run: the exercise's JVM was stopped during another test: " + fatal.message();
            } else if (outcome.timedOut()) {
                v = Verdict.HANG;
                why = t.id().equals(running)
                        ? "still running when the exercise's time limit (" + limits.wall().toSeconds() + " s) ran out"
                        : "not run: the exercise's time limit (" + limits.wall().toSeconds() + " s) ran out during " + running;
            } else if (container != null) {
                v = verdict(container.verdict());
                why = "the test class could not run: " + container.message();
            } else {
                v = Verdict.FUNCTIONAL;
                String status = "the exercise's JVM ended unexpectedly (exit status " + outcome.exitStatus() + ")"
                        + lastLine(outcome.output());
                why = t.id().equals(running) ? status + " during this test" : "not run: " + status;
            }
            results.add(new TestResult(exercise, t.id(), t.name(), t.hidden(), v, why, 0));
        }
        return results;
    }

    /** The note on result lines the grader did not accept (a submission writing into the result file), or "". */
    static String rejectedNote(ChildOutcome outcome) {
        if (outcome.rejected().isEmpty()) {
            return "";
        }
        return "\n\nThe grader ignored result lines it did not accept (" + String.join("; ", outcome.rejected()) + ").";
    }

    private static String lastLine(String output) {
        String s = output.strip();
        if (s.isEmpty()) {
            return "";
        }
        String last = s.substring(s.lastIndexOf('\n') + 1);
        return ": " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
    }

    /** The verdict of a label the child sent; the child only sends {@link Verdict#label()}s. */
    private static Verdict verdict(String label) {
        try {
            return Verdict.valueOf(label.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.FUNCTIONAL;
        }
    }

    /**
     * The folders the child must not see: in {@code home} (which may be null) the references, the
     * hidden tests' sources and the corpus; and where a local {@code mvn install} copies the
     * references (the solutions jar), the one place outside the repository a grading machine is
     * likely to hold them.
     */
    public static List<Path> hidden(Path home) {
        List<Path> hidden = new ArrayList<>();
        if (home != null) {
            hidden.addAll(List.of(home.resolve("solutions"), home.resolve("autograder/src"),
                    home.resolve("autograder-hidden"),
                    home.resolve("autograder/corpus")));
        }
        hidden.add(INSTALLED_REFERENCES);
        return List.copyOf(hidden);
    }

    /** The local Maven repository's copy of the references, after {@code mvn install}. */
    public static final Path INSTALLED_REFERENCES = Path.of(System.getProperty("user.home"), ".m2", "repository",
            "racecourse", "racecourse-solutions");

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temp file left behind
                }
            });
        } catch (IOException e) {
            // a temp folder left behind
        }
    }
}

