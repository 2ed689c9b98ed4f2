package racecourse.kernel;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The kernel's own log: what went wrong inside the kernel (a request whose handler failed, a
 * message dropped for a bad signature), for whoever runs JupyterLab. Never a cell: System.err
 * belongs to the cells once they route output, so the log keeps the process's real stderr (which
 * Jupyter shows in its terminal) and a file beside the connection file, {@code kernel-<id>.log}.
 */
public final class KernelLog {
    private static volatile PrintStream console = System.err;
    private static volatile PrintStream file;
    private static volatile Path path;

    private KernelLog() {
    }

    /** Keeps {@code realStderr} and opens {@code logFile}; call before cells take System.err over. */
    public static synchronized void open(PrintStream realStderr, Path logFile) {
        console = realStderr;
        try {
            file = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
            path = logFile;
        } catch (IOException | SecurityException e) {
            console.println("racecourse kernel: cannot open the kernel log " + logFile + " (" + e.getMessage()
                    + "); logging to stderr only");
        }
    }

    /** The log file, or null when there is none. */
    public static Path path() {
        return path;
    }

    public static void write(String message) {
        write(message, null);
    }

    public static synchronized void write(String message, Throwable failure) {
        String line = Instant.now() + " racecourse kernel: " + message;
        String trace = failure == null ? "" : stackTrace(failure);
        console.println(line);
        if (!trace.isEmpty()) {
            console.print(trace);
        }
        PrintStream f = file;
        if (f != null) {
            f.println(line);
            f.print(trace);
            f.flush();
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
