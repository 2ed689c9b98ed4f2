package racecourse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import racecourse.cli.kernel.KernelCommand;
import racecourse.kernel.Version;

/** {@code bin/racecourse}: the one command line of the course. */
@Command(name = "racecourse",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Racecourse: notebooks, a Java Jupyter kernel and an autograder for concurrent programming.",
        subcommands = {KernelCommand.class, racecourse.cli.release.ReleaseCommand.class, racecourse.cli.release.StudentEditionCommand.class, racecourse.cli.grade.GradeCommand.class, racecourse.cli.check.CheckCommand.class, racecourse.cli.regrade.RegradeCommand.class, racecourse.cli.regrade.MergeCommand.class, racecourse.cli.regrade.RescoreCommand.class, racecourse.cli.gradescope.GradescopeBundleCommand.class, racecourse.cli.export.ExportCommand.class, racecourse.cli.review.ReviewCommand.class, racecourse.server.cli.ServeCommand.class, racecourse.server.cli.WorkerCommand.class, racecourse.server.cli.TokensCommand.class, racecourse.server.cli.LoginCommand.class, racecourse.server.cli.SubmitCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Errors a user can fix get one line, not a stack trace.
        cl.setExecutionExceptionHandler(new UserErrors());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"racecourse " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
