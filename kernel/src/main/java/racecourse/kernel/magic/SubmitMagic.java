package racecourse.kernel.magic;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import racecourse.results.GradingJson;
import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.threads.Stops;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code %submit CLASS}: hands the student's current version of exercise CLASS (the same source
 * {@code %grade} would grade: the latest {@code %%javac} of {@code exercises.CLASS}, else
 * {@code exercises/CLASS.java} from the notebook's folder upward) to the course's submission
 * service, through {@code racecourse submit} in a child JVM. The service's address and the
 * student's token are the ones {@code racecourse login} stored in {@code ~/.config/racecourse/}
 * (or the folder {@code RACECOURSE_CONFIG} names). The receipt shows as soon as the server gives
 * it; then the public verdicts, as {@code %grade} shows them.
 */
final class SubmitMagic implements Magic {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");
    private static final String CLI_MAIN = "racecourse.cli.Main";
    /** The wait for the verdicts (the server grades); the child gives up a little before this. */
    static final long LIMIT_SECONDS = 330;
    static final long WAIT_SECONDS = 300;

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String help() {
        return "%submit CLASS  submit your exercise CLASS (latest %%javac, else exercises/CLASS.java) to the course's server";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws Exception {
        String exercise = args.strip().replaceFirst("^exercises\\.", "").replaceFirst("\\.java$", "");
        if (exercise.isEmpty() || !NAME.matcher(exercise).matches()) {
            throw new MagicUsageException(exercise.isEmpty() ? "which exercise? e.g. %submit BoundedBuffer"
                    : exercise + " is not one class name; e.g. %submit BoundedBuffer");
        }
        if (SubmitMagic.class.getClassLoader().getResource(CLI_MAIN.replace('.', '/') + ".class") == null) {
            throw new IOException("this kernel was installed without the command line; reinstall it with 'make kernel'");
        }
        Cell cell = context.cell();
        Path work = context.newWorkFolder("submit");
        Path submission = work.resolve(exercise + ".java");
        String from;
        Optional<JavacSources.Source> compiled = JavacSources.latest("exercises." + exercise);
        if (compiled.isPresent()) {
            Files.writeString(submission, compiled.get().text(), StandardCharsets.UTF_8);
            from = compiled.get().origin() + " (%%javac)";
        } else {
            Optional<Path> file = GradeMagic.findUp(Path.of("").toAbsolutePath(), "exercises/" + exercise + ".java");
            if (file.isEmpty()) {
                throw new MagicUsageException("no %%javac cell of this session defined exercises." + exercise
                        + ", and there is no exercises/" + exercise + ".java in " + Path.of("").toAbsolutePath() + " or above it");
            }
            Files.copy(file.get(), submission);
            from = file.get().toString();
        }
        Path out = work.resolve("results");
        Path log = work.resolve("submit.log");
        List<String> command = List.of(ProcessHandle.current().info().command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CLI_MAIN, "submit", submission.toString(), "--wait", Long.toString(WAIT_SECONDS), "--json-out", out.toString());
        cell.write(Cell.Stream.STDOUT, "Submitting " + exercise + " from " + from + "...\n");
        cell.flush();
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        long start = System.nanoTime();
        long shown = 0;
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                shown = echo(log, shown, cell);
                if (Stops.isStopped(cell)) {
                    p.destroyForcibly();
                    return stopped(exercise);
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(LIMIT_SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("no answer within " + LIMIT_SECONDS + " s; your submission may still have"
                            + " arrived: look at the service's page");
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            return stopped(exercise);
        }
        echo(log, shown, cell);
        if (p.exitValue() != 0) {
            throw new IOException("not submitted (see the line above)");
        }
        Path grading = out.resolve(GradingJson.FILE);
        if (Files.isRegularFile(grading)) {
            GradeMagic.Report report = GradeMagic.Report.of(GradingJson.read(Files.readString(grading, StandardCharsets.UTF_8)),
                    exercise, from + ", as the server graded it");
            DisplayData display = new DisplayData(report.text());
            display.putHTML(report.html());
            cell.display(display, false);
        }
        return new Outcome.Ok(Optional.empty());
    }

    /** Writes what the child printed since {@code from} into the cell; returns the new position. */
    private static long echo(Path log, long from, Cell cell) throws IOException {
        if (!Files.isRegularFile(log) || Files.size(log) <= from) {
            return from;
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(from);
            byte[] b = new byte[(int) Math.min(f.length() - from, 1 << 20)];
            f.readFully(b);
            // Whole lines only: a line cut in two by the poll would show in two pieces.
            int end = b.length;
            while (end > 0 && b[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                return from;
            }
            cell.write(Cell.Stream.STDOUT, new String(b, 0, end, StandardCharsets.UTF_8).replaceAll("(?m)^WARNING: .*\\R", ""));
            cell.flush();
            return from + end;
        }
    }

    private static Outcome stopped(String exercise) {
        String msg = "%submit " + exercise + " was interrupted; if the receipt was shown, the server has your work";
        return new Outcome.Failed("Interrupted", msg, List.of("Interrupted: " + msg));
    }
}
