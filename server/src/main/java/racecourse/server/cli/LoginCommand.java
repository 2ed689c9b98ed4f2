package racecourse.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.server.client.StudentConfig;
import racecourse.server.client.SubmitClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code racecourse login}: stores the service's address and the student's token once, for submit and %submit. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Store the submission service's address and your token (from a file, e.g. the one your instructor sent) in ~/.config/racecourse/, readable by you only; `racecourse submit` and %submit use them.")
public final class LoginCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL")
    String server;

    @Option(names = "--token-file", required = true, paramLabel = "FILE", description = "A file holding your token.")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        URI.create(server);
        StudentConfig.write(server, SubmitClient.readToken(tokenFile));
        System.out.println("racecourse login: stored " + server + " and your token in " + StudentConfig.folder());
        return 0;
    }
}
