package racecourse.cli.export;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.batch.LmsExport;
import racecourse.cli.regrade.CourseOption;
import racecourse.grader.batch.RosterMatch;
import racecourse.grader.course.Course;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code racecourse export OUT --format canvas|moodle|csv [--roster roster.csv] [--course course.toml] --to FILE}.
 * Exit 0 when written (who is not in it, or has no score, listed on stderr), 2 for bad input (nothing
 * written). Under a course (given, or the one OUT remembers) the scores are the course's final
 * scores, the ones the submission service's export has for the same submissions.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a regrade's scores (reviewed scores included) as a file an LMS imports: Canvas's gradebook",
                "import CSV, Moodle's grade import CSV, or a plain CSV with the whole roster."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "Output folder of `racecourse regrade` (or of `merge`).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "canvas, moodle or csv.")
    String format;

    @Option(names = "--roster", paramLabel = "FILE", description = "roster.csv (id,name,email,section[,sis_id]); default: the one the regrade was given (OUT/roster.csv).")
    Path roster;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "The file to write.")
    Path to;

    @Option(names = "--course", paramLabel = "FILE", description = {"The course file (see autograder/README.md): export the final",
            "scores under its points, weights, deadlines, extensions and late policy, as gradebook.csv and the submission",
            "service have them; default: the course OUT was last scored under (regrade, merge or rescore --course), else plain scores."})
    Path course;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LmsExport.Format f = LmsExport.Format.parse(format);
        Path courseFile = course != null ? course : CourseOption.remembered(out).orElse(null);
        Course c;
        try {
            c = CourseOption.read(courseFile);
        } catch (RuntimeException e) {
            if (course != null) {
                throw e;
            }
            throw new IllegalArgumentException("the course file " + courseFile + " that " + out + " was scored under cannot be read ("
                    + e.getMessage() + "); pass --course FILE", e);
        }
        LmsExport.Written written = LmsExport.write(out, f, roster, to, c);
        RosterMatch match = written.match();
        PrintWriter err = spec.commandLine().getErr();
        written.lines().forEach(l -> err.println("export: " + l));
        spec.commandLine().getOut().println("Wrote " + to + " (" + f.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + match.roster().students().size() + " enrolled, " + match.bySubmission().size() + " with a submission, "
                + (c == null ? "plain scores" : "final scores under " + courseFile) + ")");
        spec.commandLine().getOut().flush();
        err.flush();
        return 0;
    }
}
