package racecourse.cli.check;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.grader.Catalog;
import racecourse.grader.Grader;
import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.results.TestResult;
import racecourse.grader.run.Limits;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code racecourse check exercises/CLASS.java}: a student's self-check of one exercise from a
 * terminal, the same grading as {@code %grade CLASS} in a notebook: the autograder's tests in a
 * child JVM, then per test PASS or FAIL with the verdict and its explanation, and the score. Writes
 * no files. Exit 0 whenever grading ran, whatever the score.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check your solution of one exercise with the autograder (races, deadlocks, hangs),",
                "e.g. racecourse check exercises/BoundedBuffer.java. Prints each test's result and the score."})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The exercise's source file, e.g. exercises/BoundedBuffer.java.")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the schedule perturbation (default: random); the same seed replays the same choices.")
    Long seed;

    @Option(names = "--course", paramLabel = "FILE", description = "The course file: the exercise's points and test weights (no deadline: a check has no receive time).")
    Path course;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.endsWith(".java")) {
            throw new IllegalArgumentException(file + " is not a .java file; e.g. racecourse check exercises/BoundedBuffer.java");
        }
        String exercise = name.substring(0, name.length() - ".java".length());
        if (!Catalog.isExercise(exercise)) {
            throw new IllegalArgumentException("no exercise named " + exercise + "; the exercises are "
                    + String.join(", ", Catalog.EXERCISES));
        }
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        racecourse.grader.course.Course c = racecourse.cli.regrade.CourseOption.read(course);
        if (c != null) {
            c.plan(exercise); // an exercise the course does not grade: one line, exit 2
        }
        PrintWriter out = spec.commandLine().getOut();
        long s = seed != null ? seed : new java.security.SecureRandom().nextInt(1_000_000);
        out.println("Checking " + exercise + " from " + file + " in a separate JVM (seed " + s + ")...");
        out.flush();
        Thread ticker = Thread.ofPlatform().daemon().name("check-progress").start(() -> {
            long start = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(3000);
                    out.println("  still checking " + exercise + " (" + (System.nanoTime() - start) / 1_000_000_000 + " s)");
                    out.flush();
                }
            } catch (InterruptedException e) {
                // grading ended
            }
        });
        Grading grading;
        try {
            grading = Grader.grade(new Grader.Request(file, List.of(exercise), s, Limits.defaults(),
                    racecourse.cli.RepositoryHome.orNull()));
        } finally {
            ticker.interrupt();
            ticker.join(1000);
        }
        out.print(text(grading));
        if (c != null) {
            out.println(racecourse.grader.course.CourseResults.summary(racecourse.grader.course.CourseResults.scores(grading, c, "",
                    racecourse.grader.course.ReceiveTime.UNKNOWN)));
        }
        out.flush();
        return 0;
    }

    /** The report: per test PASS/FAIL, the verdict and explanation of each failure, the score. */
    static String text(Grading g) {
        StringBuilder b = new StringBuilder();
        for (ExerciseResult e : g.exercises()) {
            b.append('\n').append(e.exercise()).append(": ").append(fmt(e.score())).append(" / ").append(fmt(e.points()));
            long passed = e.tests().stream().filter(TestResult::passed).count();
            b.append(" (").append(passed).append(" of ").append(e.tests().size()).append(" tests passed, ")
                    .append(String.format(Locale.ROOT, "%.1f s", e.seconds())).append(")\n");
            for (TestResult t : e.tests()) {
                b.append(t.passed() ? "  PASS  " : "  FAIL  ").append(t.name()).append(t.hidden() ? " (hidden)" : "");
                if (!t.passed()) {
                    b.append("  [").append(t.verdict().label()).append(']');
                    if (!t.hidden() && t.message() != null) {
                        t.message().strip().lines().forEach(l -> b.append("\n        ").append(l));
                    }
                }
                b.append('\n');
            }
        }
        b.append("\nSeed ").append(g.seed()).append(" (replay with --seed ").append(g.seed()).append(").\n");
        g.notes().forEach(n -> b.append("Note: ").append(n).append('\n'));
        return b.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
