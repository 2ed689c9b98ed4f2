package racecourse.cli.regrade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.batch.Manifest;
import racecourse.grader.batch.Merge;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code racecourse merge DIR1 DIR2 … --out DIR}: the shards of a regrade as one gradebook. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the output folders of `regrade --shard K/N` (every K from 1 to N) into one: the same",
                "gradebook.csv, summary.md and totals.png as a single run, and every student's folder."})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Output folders of the shards.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged outputs go.")
    Path out;

    @Option(names = "--course", paramLabel = "FILE", description = "Score the merged gradebook under this course file (as rescore).")
    Path course;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        racecourse.grader.course.Course c = CourseOption.read(course);
        Manifest m = Merge.merge(dirs, out);
        if (c != null) {
            racecourse.grader.batch.Rescore.run(out, c);
            CourseOption.remember(out, course);
        }
        spec.commandLine().getOut().println("Gradebook: " + out.resolve("gradebook.csv") + " (" + m.students().size()
                + " students from " + dirs.size() + " shards); summary: " + out.resolve("summary.md"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
