package racecourse.cli.grade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.Grader;
import racecourse.grader.explain.LincheckMode;
import racecourse.grader.report.Feedback;
import racecourse.results.Grading;
import racecourse.grader.run.Limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code racecourse grade SUBMISSION [--exercise CLASS]... [--out DIR] [--seed N] [--jobs N] [--lincheck off|explain] [--quiet]}:
 * grades a submission and writes DIR/results.json (Gradescope) and DIR/feedback.md. Exit 0 whenever
 * grading ran, whatever the score; 2 for bad usage (a bad --lincheck value too, in one line).
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade a submission (a folder, a .java file or a .zip) under stress harnesses that catch races,",
                "deadlocks and hangs. Writes DIR/results.json (Gradescope format) and DIR/feedback.md."})
public final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUBMISSION", description = "A folder (exercise files at any depth), a .java file or a .zip.")
    Path submission;

    @Option(names = "--exercise", paramLabel = "CLASS", description = "Grade only this exercise (repeatable).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where results.json and feedback.md go (default: ./grading).")
    Path out = Path.of("grading");

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the schedule perturbation (default: random); the same seed replays the same choices.")
    Long seed;

    @Option(names = "--lincheck", paramLabel = "MODE", description = {
            "off or explain (default: ${DEFAULT-VALUE}). explain: a race or exclusion failure of SafeCounter,",
            "BoundedBuffer, CountingSemaphore, Memoizer, FairReadWriteLock, DiningTable or LockFreeStack also shows the",
            "interleaving Lincheck's model checker finds (at most 20 s more per such exercise); it never",
            "changes a verdict or a score."})
    String lincheck = LincheckMode.DEFAULT.label();

    @Option(names = "--jobs", paramLabel = "N", description = "Exercises graded at once, each in its own JVM (default: the number of cores + 1, ${DEFAULT-VALUE}).")
    int jobs = Grader.defaultJobs();

    @Option(names = "--quiet", description = "Print nothing; only write the files.")
    boolean quiet;

    @Option(names = "--course", paramLabel = "FILE", description = "The course file: its exercises (unless --exercise), points, weights, deadlines, late policy.")
    Path course;

    @Option(names = "--submission-metadata", paramLabel = "FILE", description = {"Gradescope's submission_metadata.json: the receive time (created_at)",
            "and the student (for extensions). Without it no late penalty applies, and results.json says so."})
    Path metadata;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LincheckMode mode = LincheckMode.parse(lincheck);
        racecourse.grader.course.Course c = racecourse.cli.regrade.CourseOption.read(course);
        var received = racecourse.grader.course.ReceiveTimes.fromGradescope(metadata);
        // Extensions are matched on the submitter's sid, email or Gradescope id, in that order.
        String student = c == null ? "" : racecourse.grader.course.ReceiveTimes.gradescopeStudentIds(metadata).stream()
                .filter(id -> c.extensions().stream().anyMatch(e -> e.student().equals(id))).findFirst().orElse("");
        if (c != null) {
            exercises = racecourse.cli.regrade.CourseOption.exercises(exercises, c);
        }
        long s = seed != null ? seed : new java.security.SecureRandom().nextInt(1_000_000);
        Grading grading = Grader.grade(new Grader.Request(submission, exercises, s, Limits.defaults(),
                racecourse.cli.RepositoryHome.orNull(), mode, jobs));
        Grader.write(grading, out);
        String feedback = Feedback.markdown(grading);
        if (c != null) {
            // Under a course the student reads the course's scores: points, late penalty, hidden details.
            var terms = new racecourse.grader.course.Terms(c, student, received, java.time.Instant.now());
            feedback = Feedback.markdown(grading, terms.standing(grading), java.util.List.of());
            java.nio.file.Files.writeString(out.resolve("results.json"), terms.resultsJson(grading));
            java.nio.file.Files.writeString(out.resolve("feedback.md"), feedback);
            java.nio.file.Files.writeString(out.resolve("feedback.html"), racecourse.grader.report.FeedbackHtml.page(feedback));
        }
        if (!quiet) {
            spec.commandLine().getOut().print(feedback);
            if (c != null) {
                spec.commandLine().getOut().println(racecourse.grader.course.CourseResults.summary(
                        racecourse.grader.course.CourseResults.scores(grading, c, student, received)));
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
