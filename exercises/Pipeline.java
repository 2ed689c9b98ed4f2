// Generated from solutions/src/main/java/exercises/Pipeline.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/Pipeline.md.

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
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
