package racecourse.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racecourse.results.GradingJson;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.client.StudentConfig;
import racecourse.server.client.SubmitClient;
import racecourse.server.client.VerdictText;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code racecourse submit FILES…}: sends the files, prints the receipt, then waits (bounded) for
 * the public verdicts and prints them. Exit 0 once the server took the work, whatever the score;
 * 2 when it refused it.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit exercise files (.java, or one .zip) to the course's submission service, print the receipt (id, the server's receive time, late or not), then wait for and print the public verdicts.")
public final class SubmitCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exercise files, e.g. exercises/BoundedBuffer.java, or one .zip.")
    List<Path> files;

    @Option(names = "--server", paramLabel = "URL", description = "The service (default: the one `racecourse login` stored).")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Your token (default: ~/.config/racecourse/token, as `racecourse login` writes it).")
    Path tokenFile;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for the verdicts (default: ${DEFAULT-VALUE}; 0: do not wait).")
    long waitSeconds = 300;

    @Option(names = "--json-out", paramLabel = "DIR", hidden = true, description = "Also write receipt.json, status.json and grading.json here (for %submit).")
    Path jsonOut;

    @Override
    public Integer call() throws Exception {
        String url = server != null ? server : StudentConfig.server();
        if (url == null) {
            throw new IllegalArgumentException("which server? give --server URL, or store it once with racecourse login");
        }
        Path tf = tokenFile != null ? tokenFile : StudentConfig.tokenFile();
        SubmitClient client = new SubmitClient(URI.create(url), SubmitClient.readToken(tf));
        Receipt receipt = client.submit(files);
        System.out.print(VerdictText.receipt(receipt));
        System.out.flush();
        if (jsonOut != null) {
            Files.createDirectories(jsonOut);
            Files.writeString(jsonOut.resolve("receipt.json"), Json.write(receipt), StandardCharsets.UTF_8);
        }
        if (waitSeconds <= 0) {
            return 0;
        }
        SubmissionStatus status = client.await(receipt.id(), Duration.ofSeconds(waitSeconds));
        if (jsonOut == null || status.grading() == null) {
            // With --json-out (%submit) the caller shows a graded submission's verdicts itself.
            System.out.print(VerdictText.verdicts(status));
        }
        if (jsonOut != null) {
            Files.writeString(jsonOut.resolve("status.json"), Json.write(status), StandardCharsets.UTF_8);
            if (status.grading() != null) {
                Files.writeString(jsonOut.resolve(GradingJson.FILE), GradingJson.write(status.grading()), StandardCharsets.UTF_8);
            }
        }
        return 0;
    }
}
