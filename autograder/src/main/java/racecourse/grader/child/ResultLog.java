package racecourse.grader.child;

import racecourse.grader.model.ChildEvent;
import racecourse.grader.model.ChildEvents;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child's report to the grader: one event per line ({@link ChildEvents}) in a file the grader
 * named, each carrying the run's token (read from stdin before any submission code ran). Lines a
 * submission prints to stdout never reach the grader as results.
 */
public final class ResultLog {
    /** A message longer than this (a submission's exception text can be anything) is cut. */
    private static final int MAX_MESSAGE_CHARS = 64 * 1024;
    private final OutputStream out;
    private final String token;

    public ResultLog(Path file, String token) throws IOException {
        this.out = new FileOutputStream(file.toFile(), true);
        this.token = token;
    }

    public synchronized void write(ChildEvent event) {
        try {
            out.write((ChildEvents.encode(token, event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // The grader treats a missing line as a failed test; nothing better to do here.
        }
    }

    /** {@code message} cut to what a line may carry. */
    public static String cut(String message) {
        String s = String.valueOf(message);
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + " [... cut]";
    }
}
