package racecourse.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The service's commands on their own, for a server machine or a test's child JVM without the
 * whole course CLI; {@code bin/racecourse} lists the same commands.
 */
@Command(name = "racecourse-server", mixinStandardHelpOptions = true,
        subcommands = {ServeCommand.class, WorkerCommand.class, TokensCommand.class, SubmitCommand.class, LoginCommand.class})
public final class ServerMain implements Runnable {
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new ServerMain());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof java.io.IOException || e instanceof IllegalArgumentException || e instanceof java.sql.SQLException) {
                line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
