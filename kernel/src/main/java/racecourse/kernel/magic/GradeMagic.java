package racecourse.kernel.magic;

import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.results.GradingJson;
import racecourse.results.TestResult;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.threads.Stops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code %grade CLASS}: grades the student's current version of exercise CLASS with the autograder,
 * in a child JVM ({@code racecourse.cli.Main grade}, never inside the kernel: a submission that
 * deadlocks, leaks threads or calls System.exit must not touch the student's session), and shows
 * the result in the cell as HTML.
 *
 * <p>The source is the latest {@code %%javac} cell (or {@code %load}) that defined
 * {@code exercises.CLASS} in this session, else {@code exercises/CLASS.java} found from the
 * kernel's working folder (the notebook's) upward. The wait polls, so Kernel &gt; Interrupt (which
 * stops the cell and kills the kernel's child processes) ends it at once.
 */
final class GradeMagic implements Magic {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");
    private static final String CLI_MAIN = "racecourse.cli.Main";
    /** The grader bounds one exercise at 90 s; this bounds the whole child, start-up included. */
    static final long LIMIT_SECONDS = 180;
    private static final long PROGRESS_EVERY_MS = 3000;

    @Override
    public String name() {
        return "grade";
    }

    @Override
    public String help() {
        return "%grade CLASS [--seed N]  grade your exercise CLASS (latest %%javac, else exercises/CLASS.java) with the autograder";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws Exception {
        String[] words = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
        String exercise = null;
        Long seed = null;
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--seed") && i + 1 < words.length) {
                try {
                    seed = Long.parseLong(words[++i]);
                } catch (NumberFormatException e) {
                    throw new MagicUsageException("--seed wants a whole number, got " + words[i]);
                }
            } else if (exercise == null) {
                exercise = words[i].replaceFirst("^exercises\\.", "").replaceFirst("\\.java$", "");
            } else {
                throw new MagicUsageException("one exercise at a time; got " + args.strip());
            }
        }
        if (exercise == null || !NAME.matcher(exercise).matches()) {
            throw new MagicUsageException(exercise == null ? "which exercise? e.g. %grade BoundedBuffer"
                    : exercise + " is not a class name; e.g. %grade BoundedBuffer");
        }
        if (GradeMagic.class.getClassLoader().getResource(CLI_MAIN.replace('.', '/') + ".class") == null) {
            throw new IOException("this kernel was installed without the grader; reinstall it with 'make kernel'"
                    + " (or 'bin/racecourse kernel install')");
        }
        Cell cell = context.cell();
        Path work = context.newWorkFolder("grade");
        Path submission = work.resolve(exercise + ".java");
        Path root = null;
        String from;
        Optional<JavacSources.Source> compiled = JavacSources.latest("exercises." + exercise);
        if (compiled.isPresent()) {
            Files.writeString(submission, compiled.get().text(), StandardCharsets.UTF_8);
            from = compiled.get().origin() + " (%%javac)";
            root = findUp(Path.of("").toAbsolutePath(), "exercises").orElse(null);
        } else {
            Optional<Path> file = findUp(Path.of("").toAbsolutePath(), "exercises/" + exercise + ".java");
            if (file.isEmpty()) {
                throw new MagicUsageException("no %%javac cell of this session defined exercises." + exercise
                        + ", and there is no exercises/" + exercise + ".java in " + Path.of("").toAbsolutePath()
                        + " or above it");
            }
            Files.copy(file.get(), submission);
            from = file.get().toString();
            root = file.get().getParent().getParent();
        }
        Path out = work.resolve("results");
        Path log = work.resolve("grader.log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Djava.awt.headless=true",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (root != null && Files.isDirectory(root.resolve("autograder"))) {
            // The grader hides solutions/ and the hidden tests' sources from the submission's JVM.
            command.add("-Dracecourse.home=" + root);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CLI_MAIN, "grade", submission.toString(),
                "--exercise", exercise, "--out", out.toString(), "--quiet"));
        if (seed != null) {
            command.addAll(List.of("--seed", seed.toString()));
        }
        cell.write(Cell.Stream.STDOUT, "Grading " + exercise + " from " + from
                + " in a separate JVM (the autograder's tests, under stress)...\n");
        cell.flush();
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        long start = System.nanoTime();
        long nextNote = PROGRESS_EVERY_MS;
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (Stops.isStopped(cell)) {
                    destroy(p);
                    return interrupted(exercise);
                }
                if (ms >= LIMIT_SECONDS * 1000) {
                    destroy(p);
                    throw new IOException("the grader did not finish within " + LIMIT_SECONDS + " s and was stopped");
                }
                if (ms >= nextNote) {
                    cell.write(Cell.Stream.STDOUT, "  still grading " + exercise + " (" + ms / 1000 + " s)\n");
                    cell.flush();
                    nextNote += PROGRESS_EVERY_MS;
                }
            }
        } catch (InterruptedException e) {
            destroy(p);
            return interrupted(exercise);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(out.resolve(GradingJson.FILE))) {
            String output = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
            throw new IOException("the grader failed (exit status " + p.exitValue() + ")"
                    + (output.isEmpty() ? "" : ": " + tail(output, 1500)));
        }
        Path grading = out.resolve(GradingJson.FILE);
        Report report = Report.of(GradingJson.read(Files.readString(grading, StandardCharsets.UTF_8)), exercise, from);
        cell.write(Cell.Stream.STDOUT, String.format(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9));
        cell.flush();
        DisplayData shown = new DisplayData(report.text());
        shown.putHTML(report.html());
        cell.display(shown, false);
        return new Outcome.Ok(Optional.empty());
    }

    private static Outcome interrupted(String exercise) {
        String msg = "grading " + exercise + " was interrupted; the grader's JVM was ended";
        return new Outcome.Failed("Interrupted", msg, List.of("Interrupted: " + msg));
    }

    private static void destroy(Process p) {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code relative} in {@code from} or the nearest folder above it that has it. */
    static Optional<Path> findUp(Path from, String relative) {
        for (Path d = from; d != null; d = d.getParent()) {
            Path candidate = d.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }

    /** One test as %grade shows it. */
    record Test(String name, boolean hidden, boolean passed, String verdict, String explanation, double score,
                double maxScore) {
    }

    /** The grading of one exercise as %grade shows it, from the grader's records (grading.json). */
    record Report(String exercise, String from, List<Test> tests, double score, double maxScore, String notes) {
        /** The display of {@code exercise}'s part of a grading, read as the grader's own records. */
        static Report of(Grading grading, String exercise, String from) {
            ExerciseResult e = grading.exercises().stream().filter(x -> x.exercise().equals(exercise)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the grading has no " + exercise));
            List<Test> tests = new ArrayList<>();
            for (TestResult t : e.tests()) {
                String explanation = t.passed() ? ""
                        : t.hidden() ? "hidden test: the grader shows its verdict only"
                        : t.message() == null ? "" : t.message().strip();
                tests.add(new Test(t.name(), t.hidden(), t.passed(), t.passed() ? "" : t.verdict().label(), explanation,
                        t.passed() ? e.perTest() : 0, e.perTest()));
            }
            return new Report(exercise, from, tests, e.score(), e.points(), grading.seedAndNotes());
        }

        long passed() {
            return tests.stream().filter(Test::passed).count();
        }

        String text() {
            StringBuilder b = new StringBuilder();
            b.append(exercise).append(": ").append(fmt(score)).append(" / ").append(fmt(maxScore)).append(" (")
                    .append(passed()).append(" of ").append(tests.size()).append(" tests passed)\n");
            for (Test t : tests) {
                b.append(t.passed() ? "  PASS  " : "  FAIL  ").append(t.name()).append(t.hidden() ? " (hidden)" : "");
                if (!t.passed()) {
                    b.append("  [").append(t.verdict()).append("]");
                    t.explanation().lines().forEach(l -> b.append("\n        ").append(l));
                }
                b.append('\n');
            }
            if (!notes.isBlank()) {
                b.append(notes.strip()).append('\n');
            }
            return b.toString();
        }

        String html() {
            StringBuilder b = new StringBuilder("<div class=\"racecourse-grade\" style=\"font-family:var(--jp-ui-font-family,sans-serif);\">");
            boolean all = passed() == tests.size();
            b.append("<p style=\"margin:0.3em 0;font-size:1.1em;\"><b>").append(esc(exercise)).append("</b>: score <b>")
                    .append(fmt(score)).append(" / ").append(fmt(maxScore)).append("</b> &mdash; ")
                    .append(passed()).append(" of ").append(tests.size()).append(" tests passed ")
                    .append(badge(all)).append("</p>");
            b.append("<p style=\"margin:0.2em 0;color:#666;font-size:0.9em;\">Graded ").append(esc(from)).append("</p>");
            b.append("<table style=\"border-collapse:collapse;text-align:left;\">")
                    .append("<thead><tr><th style=\"padding:2px 8px;text-align:left;\">result</th><th style=\"padding:2px 8px;text-align:left;\">test</th>")
                    .append("<th style=\"padding:2px 8px;text-align:left;\">verdict</th><th style=\"padding:2px 8px;text-align:left;\">explanation</th>")
                    .append("<th style=\"padding:2px 8px;text-align:left;\">points</th></tr></thead><tbody>");
            for (Test t : tests) {
                b.append("<tr class=\"").append(t.passed() ? "grade-pass" : "grade-fail")
                        .append("\" style=\"border-top:1px solid #ddd;vertical-align:top;\">")
                        .append("<td style=\"padding:4px 8px;text-align:left;\">").append(badge(t.passed())).append("</td>")
                        .append("<td style=\"padding:4px 8px;text-align:left;\">").append(esc(t.name()))
                        .append(t.hidden() ? " <i style=\"color:#666;\">(hidden)</i>" : "").append("</td>")
                        .append("<td style=\"padding:4px 8px;text-align:left;\">")
                        .append(t.passed() ? "" : "<b class=\"grade-verdict\">" + esc(t.verdict()) + "</b>").append("</td>")
                        .append("<td style=\"padding:4px 8px;text-align:left;\">");
                if (!t.explanation().isEmpty()) {
                    b.append("<pre style=\"margin:0;white-space:pre-wrap;font-size:0.85em;\">")
                            .append(esc(t.explanation())).append("</pre>");
                }
                b.append("</td><td style=\"padding:4px 8px;text-align:left;\">").append(fmt(t.score())).append(" / ")
                        .append(fmt(t.maxScore())).append("</td></tr>");
            }
            b.append("</tbody></table>");
            if (!notes.isBlank()) {
                b.append("<p style=\"color:#666;font-size:0.85em;\">").append(esc(notes.strip()).replace("\n", "<br>"))
                        .append("</p>");
            }
            return b.append("</div>").toString();
        }

        private static String badge(boolean pass) {
            return "<span class=\"grade-badge\" style=\"display:inline-block;padding:1px 7px;border-radius:8px;"
                    + "color:white;font-weight:bold;font-size:0.85em;background:" + (pass ? "#2e7d32" : "#c62828") + ";\">"
                    + (pass ? "PASS" : "FAIL") + "</span>";
        }

        static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }

        static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
