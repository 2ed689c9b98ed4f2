package racecourse.cli.export;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.batch.LmsExport;
import racecourse.grader.batch.RosterMatch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code racecourse export OUT --format canvas|moodle|csv [--roster roster.csv] --to FILE}. Exit 0
 * when written (who is not in it, or has no score, listed on stderr), 2 for bad input (nothing written).
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LmsExport.Format f = LmsExport.Format.parse(format);
        LmsExport.Written written = LmsExport.write(out, f, roster, to);
        RosterMatch match = written.match();
        PrintWriter err = spec.commandLine().getErr();
        written.lines().forEach(l -> err.println("export: " + l));
        spec.commandLine().getOut().println("Wrote " + to + " (" + f.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + match.roster().students().size() + " enrolled, " + match.bySubmission().size() + " with a submission)");
        spec.commandLine().getOut().flush();
        err.flush();
        return 0;
    }
}
