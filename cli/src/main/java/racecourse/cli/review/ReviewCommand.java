package racecourse.cli.review;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.batch.Review;
import racecourse.grader.batch.Reviews;
import racecourse.grader.run.Limits;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code racecourse review OUT STUDENT EXERCISE [--confirm N] [--note TEXT] [--root ROOT]}: exit 0 when reviewed, 2 for bad input. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review one student's exercise of a regrade: replay the recorded seed, run N more seeds, and record",
                "the score before and after, the seeds and a note in OUT/reviews.csv and the student's feedback;",
                "the gradebook, summary and export take the reviewed score."})
public final class ReviewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "Output folder of `racecourse regrade`.")
    Path out;

    @Parameters(index = "1", paramLabel = "STUDENT", description = "The student's id (their folder or zip name in ROOT).")
    String student;

    @Parameters(index = "2", paramLabel = "EXERCISE", description = "The exercise, e.g. SafeCounter.")
    String exercise;

    @Option(names = "--confirm", paramLabel = "N", description = "Seeds to run after the replay; a failure none of them reproduces is not counted (default: ${DEFAULT-VALUE}).")
    int confirm = 3;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for reviews.csv and the student's feedback.")
    String note = "";

    @Option(names = "--root", paramLabel = "ROOT", description = "Where the submissions are (default: the ROOT the regrade was run on).")
    Path root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Reviews.Review r = Review.run(new Review.Request(out, student, exercise, confirm, note, root, Limits.defaults(),
                racecourse.cli.RepositoryHome.orNull()));
        spec.commandLine().getOut().println(Review.feedbackLine(r) + " — recorded in " + out.resolve(Reviews.FILE));
        // The review rewrote the gradebook with plain scores: score it again under the course it had.
        var course = racecourse.cli.regrade.CourseOption.remembered(out);
        if (course.isPresent()) {
            try {
                racecourse.grader.batch.Rescore.run(out, racecourse.grader.course.CourseFile.read(course.get()));
                spec.commandLine().getOut().println("Gradebook re-scored under " + course.get());
            } catch (RuntimeException | java.io.IOException e) {
                spec.commandLine().getErr().println("racecourse review: the gradebook now has plain scores: the course file "
                        + course.get() + " it was scored under cannot be read (" + e.getMessage() + "); run racecourse rescore");
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
