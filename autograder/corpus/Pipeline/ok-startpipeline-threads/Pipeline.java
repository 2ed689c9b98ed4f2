// expect: pass
// Style: ProcessBuilder.startPipeline, a platform feeder and drainer thread, the caller waits for every process (interruptibly).
package exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class Pipeline {
    private Pipeline() {
    }

    public static String run(List<List<String>> commands, String input) throws IOException, InterruptedException {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("no commands");
        }
        for (List<String> command : commands) {
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command in " + commands);
            }
        }
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> command : commands) {
            builders.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
        }
        List<Process> processes = ProcessBuilder.startPipeline(builders);
        Process first = processes.get(0);
        Process last = processes.get(processes.size() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = first.getOutputStream()) {
                stdin.write(in);
            } catch (IOException brokenPipe) {
                // the first command stopped reading (yes, head): a shell ignores that too
            }
        }, "pipeline-feeder");
        Thread drainer = new Thread(() -> {
            try (InputStream stdout = last.getInputStream()) {
                stdout.transferTo(out);
            } catch (IOException e) {
                // the process was killed
            }
        }, "pipeline-drainer");
        feeder.start();
        drainer.start();
        try {
            for (Process p : processes) {
                p.waitFor();
            }
            drainer.join();
            feeder.join();
        } catch (InterruptedException e) {
            for (Process p : processes) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            finishUninterruptibly(processes, feeder, drainer);
            throw e;
        }
        int status = last.exitValue();
        if (status != 0) {
            throw new IOException("command " + String.join(" ", commands.get(commands.size() - 1))
                    + " exited with status " + status);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void finishUninterruptibly(List<Process> processes, Thread... threads) {
        boolean interrupted = false;
        for (Process p : processes) {
            while (true) {
                try {
                    p.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
