package racecourse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import racecourse.cli.kernel.KernelCommand;

/**
 * {@code bin/racecourse} of the student edition: only what a student runs (install the kernel,
 * check an exercise, log in to the course's submission service and submit). The instructor's commands
 * stay in {@link Main}.
 */
@Command(name = "racecourse",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Racecourse (student edition): the Java kernel and the check of your exercises.",
        subcommands = {KernelCommand.class, racecourse.cli.check.CheckCommand.class, racecourse.server.cli.LoginCommand.class, racecourse.server.cli.SubmitCommand.class, CommandLine.HelpCommand.class})
public final class StudentMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new StudentMain());
        cl.setExecutionExceptionHandler(new UserErrors());
        System.exit(cl.execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
