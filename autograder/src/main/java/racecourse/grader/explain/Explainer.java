package racecourse.grader.explain;

import racecourse.results.Explanation;

import racecourse.results.Verdict;
import racecourse.results.TestResult;
import racecourse.grader.run.ChildCommand;
import racecourse.grader.model.ChildEvent;
import racecourse.grader.run.ChildOutcome;
import racecourse.grader.run.ChildRunner;
import racecourse.grader.run.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The explain step: when the stress tests give an exercise that has a Lincheck scenario a
 * {@code race} or {@code exclusion} failure, its scenario runs under Lincheck's model checker in a
 * child JVM (same sandbox, limits and token-guarded result file as the suites, but at most
 * {@link #WALL} of wall-clock time), and the interleaving Lincheck finds, shortened, is added to
 * those failures' output. It never changes a verdict or a score.
 */
public final class Explainer {
    /** Wall-clock time of the explain child; past it the trace is left out with a note. */
    public static final Duration WALL = Duration.ofSeconds(20);
    /** Interleavings Lincheck tries at most (it stops at the first failing one). */
    public static final int INVOCATIONS = 1000;

    private Explainer() {
    }

    /** Whether {@code mode} asks for an explanation of these results of {@code exercise}. */
    public static boolean wanted(LincheckMode mode, String exercise, List<TestResult> tests) {
        return mode == LincheckMode.EXPLAIN && Scenarios.of(exercise) != null
                && tests.stream().anyMatch(Explainer::explains);
    }

    /** Whether an explanation belongs under {@code test}: a {@code race} or {@code exclusion} failure. */
    public static boolean explains(TestResult test) {
        return !test.passed() && (test.verdict() == Verdict.RACE || test.verdict() == Verdict.EXCLUSION);
    }

    /** Runs the scenario of {@code exercise} against the compiled submission in {@code classes}. */
    public static Explanation explain(String exercise, Path classes, Path work, Limits limits, List<Path> hide)
            throws IOException, InterruptedException {
        return explain(exercise, classes, work, limits, hide, WALL);
    }

    /** As above with {@code wall} instead of {@link #WALL} (bench/judge_eval.py, on a loaded machine). */
    public static Explanation explain(String exercise, Path classes, Path work, Limits limits, List<Path> hide, Duration wall)
            throws IOException, InterruptedException {
        Scenarios.Scenario scenario = Scenarios.of(exercise);
        if (scenario == null) {
            throw new IllegalArgumentException("Lincheck has no scenario for " + exercise);
        }
        long start = System.nanoTime();
        Files.createDirectories(work);
        List<String> jvmOptions = new ArrayList<>(List.of("-javaagent:" + AgentJar.write(work)));
        if (Runtime.version().feature() >= 23) {
            // Lincheck 3.7 reads object fields through sun.misc.Unsafe; JDK 23+ would warn on every run.
            jvmOptions.add("--sun-misc-unsafe-memory-access=allow");
        }
        Limits bounded = limits.withWall(wall);
        Path explainClasses = ExitRewrittenCopy.of(classes, work.resolve("classes"));
        ChildOutcome outcome = ChildRunner.run(exercise + "-lincheck", new ChildCommand(jvmOptions, List.of(explainClasses),
                "racecourse.grader.explain.child.ExplainMain",
                resultFile -> List.of(scenario.className(), resultFile.toString(), Integer.toString(INVOCATIONS))),
                work, bounded, hide);
        double seconds = (System.nanoTime() - start) / 1e9;
        ChildEvent line = outcome.events().stream().filter(e -> e instanceof ChildEvent.LincheckTrace
                || e instanceof ChildEvent.LincheckNoFailure || e instanceof ChildEvent.LincheckError).findFirst().orElse(null);
        String intro = "Lincheck (model checking) ran a small scenario: " + scenario.story();
        if (line instanceof ChildEvent.LincheckTrace trace) {
            return new Explanation(Explanation.Outcome.TRACE,
                    TraceShortener.shorten(intro, exercise, scenario.receiver(), trace.report()), seconds);
        }
        if (line instanceof ChildEvent.LincheckNoFailure) {
            return new Explanation(Explanation.Outcome.NO_FAILURE, intro + "\nIt tried up to " + INVOCATIONS
                    + " interleavings and none failed, so there is no trace to show; the failure above is the stress test's.", seconds);
        }
        if (outcome.timedOut()) {
            return new Explanation(Explanation.Outcome.TIMEOUT, "(Lincheck found no failing interleaving within "
                    + wall.toSeconds() + " s, so no trace is shown.)", seconds);
        }
        String why = line instanceof ChildEvent.LincheckError error ? error.message() : "its JVM ended with status " + outcome.exitStatus()
                + lastLine(outcome.output());
        return new Explanation(Explanation.Outcome.ERROR, "(Lincheck could not run its scenario of " + exercise + ": "
                + why + "; no trace is shown.)", seconds);
    }

    /** {@code tests} with the explanation appended to the output of each {@code race}/{@code exclusion} failure. */
    public static List<TestResult> attach(Explanation explanation, List<TestResult> tests) {
        return tests.stream().map(t -> explains(t)
                ? new TestResult(t.exercise(), t.id(), t.name(), t.hidden(), t.verdict(),
                        (t.message() == null ? "" : t.message().strip() + "\n\n") + explanation.text(), t.millis())
                : t).toList();
    }

    private static String lastLine(String output) {
        String s = output.strip();
        if (s.isEmpty()) {
            return "";
        }
        String last = s.substring(s.lastIndexOf('\n') + 1);
        return " (" + (last.length() > 200 ? last.substring(0, 200) + "..." : last) + ")";
    }
}
