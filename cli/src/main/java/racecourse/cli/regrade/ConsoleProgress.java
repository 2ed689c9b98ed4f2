package racecourse.cli.regrade;

import racecourse.grader.batch.Progress;
import racecourse.grader.batch.Roster;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a regrade on stderr. On a terminal: one bar redrawn in place, with counts and an ETA
 * from the pace so far. Elsewhere (a log, CI, a pod): a plain line per graded exercise, with the same
 * counts and ETA, so a log shows where a run stood when it stopped.
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private long startNanos;
    private int total;
    private int cached;
    private int done;
    private int failed;
    private int interrupted;
    private int width;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(int students, int toGrade, int cached) {
        this.startNanos = System.nanoTime();
        this.total = toGrade;
        this.cached = cached;
        err.println("regrade: " + students + " students; " + toGrade + " exercises to grade, " + cached
                + " already graded" + (cached > 0 ? " (kept; --force regrades them)" : ""));
        err.flush();
    }

    @Override
    public synchronized void graded(String student, String exercise, Ending ending, double score, double points, String reason) {
        done++;
        switch (ending) {
            case FAILED -> failed++;
            case INTERRUPTED -> interrupted++;
            case GRADED -> {
            }
        }
        if (terminal) {
            drawBar();
        } else {
            err.println(String.format(Locale.ROOT, "[%d/%d] %s %s: %s%s", done, total, Roster.printable(student), exercise,
                    switch (ending) {
                        case GRADED -> number(score) + "/" + number(points);
                        case FAILED -> "could not grade (" + reason + ")";
                        case INTERRUPTED -> "interrupted";
                    }, eta()));
        }
        err.flush();
    }

    @Override
    public synchronized void note(String line) {
        if (terminal && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
        err.println("regrade: " + line);
        err.flush();
    }

    @Override
    public synchronized void finish() {
        if (terminal && width > 0) {
            err.println();
        }
        err.println(String.format(Locale.ROOT, "regrade: %d graded%s%s, %d kept from earlier runs, in %s",
                done - failed - interrupted, failed > 0 ? ", " + failed + " could not be graded" : "",
                interrupted > 0 ? ", " + interrupted + " interrupted" : "", cached, time(elapsedSeconds())));
        err.flush();
    }

    private void drawBar() {
        int cells = 30;
        int filled = total == 0 ? cells : done * cells / total;
        String line = String.format(Locale.ROOT, "\r[%s%s] %d/%d exercises%s%s", "#".repeat(filled), ".".repeat(cells - filled),
                done, total, (failed > 0 ? ", " + failed + " failed" : "") + (interrupted > 0 ? ", " + interrupted + " interrupted" : ""),
                eta());
        String padded = line + " ".repeat(Math.max(0, width - line.length()));
        width = line.length();
        err.print(padded);
    }

    private String eta() {
        double elapsed = elapsedSeconds();
        if (done == 0 || done >= total) {
            return ", " + time(elapsed) + " elapsed";
        }
        return ", about " + time(elapsed / done * (total - done)) + " left";
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String time(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : d.toMinutes() > 0 ? String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart())
                : d.toSeconds() + " s";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
