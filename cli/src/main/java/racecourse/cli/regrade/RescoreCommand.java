package racecourse.cli.regrade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.batch.Rescore;
import racecourse.grader.course.Course;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code racecourse rescore OUT --course course.toml}: a regrade's gradebook under a changed course file, without grading. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Rewrite OUT/gradebook.csv and totals.png of a finished regrade (or merge) under course.toml: points,",
                "weights, deadlines, extensions and the late policy, from the stored per-test results. Grades nothing."})
public final class RescoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "The output folder of racecourse regrade or merge.")
    Path out;

    @Option(names = "--course", paramLabel = "FILE", required = true, description = "The course file (see autograder/README.md).")
    Path course;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Course c = CourseOption.read(course);
        Rescore.Outcome o = Rescore.run(out, c);
        CourseOption.remember(out, course);
        spec.commandLine().getOut().printf("Gradebook: %s (%d students re-scored under %s in %.2f s)%n", out.resolve("gradebook.csv"),
                o.students(), course, (System.nanoTime() - start) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
