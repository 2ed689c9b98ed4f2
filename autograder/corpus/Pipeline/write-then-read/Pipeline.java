// expect: hang
// Bug: writes all the input before reading any output: both pipes fill up and everybody waits.
package exercises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell pipeline, {@code cmd1 | cmd2 | ... | cmdN}, run from Java.
 *
 * <p>CS:APP ch. 8 and 12: processes connected by pipes. The trap is deadlock: a pipe holds only
 * 64 KiB (on Linux), so a program that first writes all the input and only then reads the output
 * blocks forever as soon as both pipes are full. Feed and drain concurrently.
 */
public final class Pipeline {
    private Pipeline() {
    }

    /**
     * Starts every command at once as an OS process, each one's stdout connected to the next
     * one's stdin; writes {@code input} (UTF-8) to the first and closes its stdin; returns all
     * that the last one writes to its stdout (UTF-8). Every stderr is discarded.
     *
     * @param commands the commands, each a program and its arguments, e.g.
     *     {@code List.of(List.of("yes"), List.of("head", "-n", "1"))}
     * @throws IllegalArgumentException if {@code commands} is empty or a command is empty
     * @throws IOException if a command cannot be started, or the last command exits with a
     *     non-zero status (the message names that command and the status)
     * @throws InterruptedException if interrupted while waiting; every process is then killed
     */
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
        // BEGIN SOLUTION (throw)
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> command : commands) {
            builders.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
        }
        // startPipeline connects the processes with OS pipes (the JVM copies nothing between
        // them) and, if one cannot start, kills those already started.
        List<Process> processes = ProcessBuilder.startPipeline(builders);
        Process first = processes.get(0);
        Process last = processes.get(processes.size() - 1);

        // One thread feeds the first process while another drains the last one. Doing either in
        // this thread, one after the other, deadlocks once the pipes fill up.
        Thread feeder = Thread.ofPlatform().name("pipeline-stdin").daemon().unstarted(() -> {
            try (OutputStream stdin = first.getOutputStream()) {
                stdin.write(in);
            } catch (IOException e) {
                // The first command exited without reading all of its input (as `yes` or
                // `head` do). A shell ignores that too; the exit status tells what matters.
            }
        });
        feeder.run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException[] readFailure = new IOException[1];
        Thread drainer = Thread.ofPlatform().name("pipeline-stdout").daemon().start(() -> {
            try (InputStream stdout = last.getInputStream()) {
                stdout.transferTo(out);
            } catch (IOException e) {
                readFailure[0] = e;
            }
        });

        try {
            for (Process p : processes) {
                p.waitFor();         // a shell waits for every command of the pipeline
            }
            drainer.join();          // EOF on the last stdout: we have all the output
            feeder.join();           // its pipe has no reader left, so it is done too
        } catch (InterruptedException e) {
            // Nobody will read the result: kill the processes, which closes the pipes and so
            // ends both helper threads, and leave nothing running behind us.
            for (Process p : processes) {
                p.destroyForcibly();
            }
            feeder.join(1000);
            drainer.join(1000);
            throw e;
        }
        // join() makes everything the drainer wrote (out, readFailure) visible here.
        if (readFailure[0] != null) {
            throw readFailure[0];
        }
        int status = last.exitValue();
        if (status != 0) {
            throw new IOException("command " + String.join(" ", commands.get(commands.size() - 1))
                    + " exited with status " + status);
        }
        return out.toString(StandardCharsets.UTF_8);
        // END SOLUTION
    }
}
