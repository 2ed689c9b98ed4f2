package racecourse.cli.regrade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.Grader;
import racecourse.grader.batch.Regrade;
import racecourse.grader.batch.Shard;
import racecourse.grader.run.Limits;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code racecourse regrade ROOT --out DIR [--jobs N] [--shard K/N] [--seed N] [--force] [--confirm R] [--roster FILE]}.
 * Exit 0 when every student of the shard is in the gradebook (graded, or listed with the reason
 * they cannot be), 1 when some exercise could not be graded (rerun to retry it), 2 for bad usage.
 */
@Command(name = "regrade", mixinStandardHelpOptions = true,
        description = {"Regrade a class: ROOT holds one folder ROOT/<student>/ or zip ROOT/<student>.zip per student.",
                "Writes DIR/<student>/results.json and feedback.md (as `grade`), DIR/gradebook.csv, DIR/summary.md and",
                "DIR/totals.png. Resumable: rerun after an interruption (even kill -9) and only what is missing is graded."})
public final class RegradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ROOT", description = "Folder of student folders and zips.")
    Path root;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (also holds what a rerun resumes from).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Exercises graded at once, each in its own JVM (default: the number of cores + 1, ${DEFAULT-VALUE}).")
    int jobs = Grader.defaultJobs();

    @Option(names = "--shard", paramLabel = "K/N", description = "Grade only part K of N (by a stable hash of the student id); combine with `racecourse merge`.")
    String shard = "1/1";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the schedule perturbation, the same for every student (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--force", description = "Regrade everything, even what an earlier run already graded with the same files, tests and grader.")
    boolean force;

    @Option(names = "--confirm", paramLabel = "R", description = "Rerun every failing test R times with other seeds; a failure that never reproduces is flagged, not counted (default: 0).")
    int confirm;

    @Option(names = "--exercise", paramLabel = "CLASS", description = "Regrade only this exercise (repeatable; default: all of them).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--roster", paramLabel = "FILE", description = "roster.csv (id,name,email,section[,sis_id]): maps submission ids to students; kept as DIR/roster.csv for export.")
    Path roster;

    @Option(names = "--course", paramLabel = "FILE", description = {"The course file: its exercises (unless --exercise), points, weights,",
            "deadlines and late policy; receive times from ROOT/submissions.csv (student,submitted_at,",
            "or student,exercise,submitted_at for a time per exercise)."})
    Path course;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Shard part = Shard.parse(shard);
        racecourse.grader.course.Course c = CourseOption.read(course);
        var received = c == null ? null : CourseOption.receiveTimes(root);
        List<String> toGrade = CourseOption.exercises(exercises, c);
        if (c != null && !toGrade.containsAll(c.exercises())) {
            // The gradebook needs every exercise of the course: say so now, not after grading.
            throw new IllegalArgumentException("with --course, regrade every exercise of the course (leave out --exercise): "
                    + String.join(", ", c.exercises()));
        }
        // A bad roster stops the run before anything is graded or written.
        racecourse.grader.batch.RosterFile enrolled = roster == null ? null : racecourse.grader.batch.RosterFile.read(roster);
        if (enrolled != null && java.nio.file.Files.isDirectory(root)) {
            // Kept only for a run that can start (a bad ROOT is the regrade's own one-line error).
            racecourse.grader.batch.RosterMatch.store(roster, out);
        }
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
        // Ctrl-C: the child JVMs of the exercises in flight go too (results already written stay).
        Thread cleanup = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(cleanup);
        Regrade.Outcome o;
        try {
            o = Regrade.run(new Regrade.Request(root, out, jobs, part, seed, force, confirm, toGrade, Limits.defaults(),
                    racecourse.cli.RepositoryHome.orNull()), progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        if (c != null) {
            racecourse.grader.batch.ReceivedTimes.of(received).write(out);
            racecourse.grader.batch.Rescore.run(out, c);
            CourseOption.remember(out, course);
        }
        o.errors().forEach(e -> err.println("regrade: " + e));
        racecourse.grader.batch.Review.rememberRoot(out, root);
        if (enrolled != null) {
            racecourse.grader.batch.RosterMatch.of(enrolled, racecourse.grader.batch.Manifest.read(out)).lines()
                    .forEach(l -> err.println("regrade: roster: " + l));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Gradebook: " + out.resolve("gradebook.csv") + " (" + o.students() + " students; exercises: "
                + o.graded() + " graded, " + o.failed() + " failed, " + o.interrupted() + " interrupted, " + o.cached() + " kept"
                + (o.notGraded() > 0 ? ", " + o.notGraded() + " not graded: see the review column" : "") + "); summary: "
                + out.resolve("summary.md"));
        if (c != null) {
            stdout.println("Course: " + c.exercises().size() + " exercises, " + c.totalPoints() + " points; receive times for "
                    + received.size() + " students" + (received.isEmpty() ? " (no " + root.resolve(racecourse.grader.course.ReceiveTimes.CSV_NAME)
                    + ": no late penalties)" : " from " + root.resolve(racecourse.grader.course.ReceiveTimes.CSV_NAME)));
        }
        stdout.flush();
        err.flush();
        return o.errors().isEmpty() ? 0 : 1;
    }
}
