package racecourse.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code racecourse serve} as a real child JVM (this test JVM's class path), to be killed with SIGKILL. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final int port;
    private final StringBuffer output = new StringBuffer();

    ServerProcess(Path roster, Path data, int workers, double leaseSeconds) throws Exception {
        this(LISTENING, List.of("serve", "--roster", roster.toString(), "--data", data.toString(), "--bind", "127.0.0.1:0",
                "--workers", Integer.toString(workers), "--lease", Double.toString(leaseSeconds), "--per-minute", "1000"));
    }

    private static final Pattern WORKING = Pattern.compile("racecourse worker: grading from ()");

    /** {@code racecourse worker} as a child JVM; {@link #port} is 0. */
    static ServerProcess worker(String dbUrl, Path data, double leaseSeconds) throws Exception {
        return new ServerProcess(WORKING, List.of("worker", "--db", dbUrl, "--data", data.toString(), "--lease",
                Double.toString(leaseSeconds)));
    }

    private ServerProcess(Pattern ready, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Dracecourse.home=" + Fixture.HOME,
                "-cp", System.getProperty("java.class.path"), "racecourse.server.cli.ServerMain"));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = ready.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            listening.completeExceptionally(new AssertionError("the process ended before it was ready:\n" + output));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        port = listening.get(60, TimeUnit.SECONDS);
    }

    /** kill -9 of the server and of the grader JVMs it started, as a machine's crash would end them. */
    void crash() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            c.onExit().orTimeout(30, TimeUnit.SECONDS);
        }
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            crash();
        }
    }
}
