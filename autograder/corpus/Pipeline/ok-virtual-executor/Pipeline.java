// expect: pass
// Style: dense Java 21: startPipeline, a virtual-thread-per-task ExecutorService in try-with-resources for feeding and draining, Futures.
package exercises;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class Pipeline {
    private Pipeline() {}

    public static String run(List<List<String>> commands, String input) throws IOException, InterruptedException {
        if (commands.isEmpty()) throw new IllegalArgumentException("no commands");
        for (List<String> c : commands) if (c.isEmpty()) throw new IllegalArgumentException("empty command in " + commands);
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        List<Process> ps = ProcessBuilder.startPipeline(commands.stream()
                .map(c -> new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.DISCARD)).toList());
        Process last = ps.getLast();
        byte[] out;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) { // close() waits for both tasks
            pool.submit(() -> {
                try (OutputStream os = ps.getFirst().getOutputStream()) { os.write(in); } catch (IOException ignored) { /* EPIPE */ }
            });
            Future<byte[]> stdout = pool.submit(() -> {
                try { return last.getInputStream().readAllBytes(); } catch (IOException e) { throw new UncheckedIOException(e); }
            });
            try {
                out = stdout.get();
                for (Process p : ps) p.waitFor();
            } catch (InterruptedException e) {
                ps.forEach(Process::destroyForcibly); // streams close: both tasks end, close() returns
                throw e;
            } catch (ExecutionException e) {
                ps.forEach(Process::destroyForcibly);
                throw new IOException("reading the output failed", e.getCause());
            } finally {
                for (Process p : ps) {
                    boolean intr = false;
                    while (true) try { p.waitFor(); break; } catch (InterruptedException e) { intr = true; }
                    if (intr) Thread.currentThread().interrupt();
                }
            }
        }
        int status = last.exitValue();
        if (status != 0) throw new IOException(String.join(" ", commands.getLast()) + ": exit status " + status);
        return new String(out, StandardCharsets.UTF_8);
    }
}
