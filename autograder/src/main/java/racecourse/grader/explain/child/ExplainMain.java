package racecourse.grader.explain.child;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.jvm.agent.LincheckInstrumentation;
import racecourse.grader.child.ResultLog;
import racecourse.grader.model.ChildEvent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The explain child JVM: reads the run's token from stdin, runs the exercise's scenario under
 * Lincheck's model checker and writes one event: {@code LincheckTrace} with Lincheck's report of the
 * failing interleaving, {@code LincheckNoFailure}, or {@code LincheckError}. Arguments:
 * scenario class, result file, number of interleavings to try.
 *
 * <p>The submission's classes are on this JVM's class path (the grader put copies there with their
 * exit calls rewritten, no perturbation points), not behind a class loader of ours: Lincheck 3.7
 * looks classes up by name with {@code Class.forName} from its own loader when it instruments them
 * lazily, and fails on any it cannot see that way.
 */
public final class ExplainMain {
    /** Lincheck's report is shortened by the grader; more than this is never needed for that. */
    private static final int MAX_REPORT_CHARS = 200_000;

    private ExplainMain() {
    }

    public static void main(String[] args) throws Exception {
        String scenarioClass = args[0];
        Path resultFile = Path.of(args[1]);
        int invocations = Integer.parseInt(args[2]);
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (token == null || token.isBlank()) {
            System.err.println("racecourse explain child: no token on stdin");
            Runtime.getRuntime().halt(64);
        }
        ResultLog log = new ResultLog(resultFile, token);
        // Threads the submission leaves behind must not print stack traces into the output forever.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
        long start = System.nanoTime();
        try {
            Instrumentation instrumentation = LincheckAgent.instrumentation();
            if (instrumentation == null) {
                throw new IllegalStateException("started without -javaagent (LincheckAgent)");
            }
            LincheckInstrumentation.INSTANCE.attachJavaAgentDynamically(instrumentation);
            Runnable scenario = (Runnable) Class.forName(scenarioClass).getConstructor().newInstance();
            Lincheck.runConcurrentTest(invocations, scenario);
            log.write(new ChildEvent.LincheckNoFailure(millis(start)));
        } catch (LincheckAssertionError e) {
            String report = String.valueOf(e.getMessage());
            log.write(new ChildEvent.LincheckTrace(
                    report.length() > MAX_REPORT_CHARS ? report.substring(0, MAX_REPORT_CHARS) : report, millis(start)));
        } catch (Throwable t) {
            log.write(new ChildEvent.LincheckError(ResultLog.cut(String.valueOf(t)), millis(start)));
        }
        // Threads the submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
