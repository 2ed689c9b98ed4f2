package racecourse.cli.kernel;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code racecourse kernel ...}: manage the Jupyter kernel. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Manage the Java (Racecourse) Jupyter kernel.",
        subcommands = {KernelInstallCommand.class})
public final class KernelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
