package racecourse.grader.child;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.grader.harness.Suites;
import racecourse.grader.harness.TestScope;
import racecourse.results.Verdict;
import racecourse.grader.model.ChildEvent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child JVM of one exercise: reads the run's token from stdin, loads the submission through
 * the instrumenting class loader, runs the exercise's suites with the JUnit Platform Launcher and
 * writes one result line per test. Arguments: exercise, compiled submission folder, result file,
 * seed, thread cap, process cap.
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        String exercise = args[0];
        Path classes = Path.of(args[1]);
        Path resultFile = Path.of(args[2]);
        long seed = Long.parseLong(args[3]);
        int threadCap = Integer.parseInt(args[4]);
        int processCap = Integer.parseInt(args[5]);
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (token == null || token.isBlank()) {
            System.err.println("racecourse child: no token on stdin");
            Runtime.getRuntime().halt(64);
        }
        System.setProperty("racecourse.seed", Long.toString(seed));
        ResultLog log = new ResultLog(resultFile, token);
        Map<String, String> running = new ConcurrentHashMap<>();
        ResourceCaps caps = new ResourceCaps(log, running, threadCap, processCap);
        caps.start();
        // A test's worker that dies is kept as the likely cause of the test's failure (TestScope);
        // nothing is printed: threads the submission leaves behind must not flood the output.
        Thread.setDefaultUncaughtExceptionHandler(TestScope::uncaught);

        runSuites(exercise, classes, log, running);
        log.write(new ChildEvent.Done());
        // Threads the submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    /**
     * Runs {@code exercise}'s suites against the submission compiled into {@code classes}, one result
     * line per test into {@code log}; {@code running} names the running test (for {@link ResourceCaps}).
     */
    static void runSuites(String exercise, Path classes, ResultLog log, Map<String, String> running)
            throws ClassNotFoundException {
        ClassLoader loader = new SubmissionClassLoader(classes, ChildMain.class.getClassLoader());
        List<Class<?>> suites = new ArrayList<>();
        for (String name : Suites.of(exercise)) {
            if (ChildMain.class.getClassLoader().getResource(name.replace('.', '/') + ".class") != null) {
                suites.add(Class.forName(name, false, loader));
            }
        }
        Thread.currentThread().setContextClassLoader(loader);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.timeout.default", "20 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        for (Class<?> suite : suites) {
            request.selectors(DiscoverySelectors.selectClass(suite));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(built, new Reporter(log, running));
    }

    private static String id(TestIdentifier test) {
        if (test.getSource().orElse(null) instanceof MethodSource m) {
            return m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "#" + m.getMethodName();
        }
        if (test.getSource().orElse(null) instanceof ClassSource c) {
            return c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1);
        }
        return test.getUniqueId();
    }

    private static final class Reporter implements TestExecutionListener {
        private final ResultLog log;
        private final Map<String, String> running;
        private final Map<String, Long> started = new ConcurrentHashMap<>();

        Reporter(ResultLog log, Map<String, String> running) {
            this.log = log;
            this.running = running;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                String id = id(test);
                running.put("test", id);
                started.put(id, System.nanoTime());
                TestScope.begin(id);
                log.write(new ChildEvent.Started(id));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                log.write(new ChildEvent.Failed(id(test), Verdict.FUNCTIONAL.label(), ResultLog.cut("skipped: " + reason), 0));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            String id = id(test);
            if (!test.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && result.getThrowable().isPresent()) {
                    Classifier.Outcome o = Classifier.classify(result.getThrowable().get());
                    log.write(new ChildEvent.ContainerFailed(id, o.verdict().label(), ResultLog.cut(o.message())));
                }
                return;
            }
            running.remove("test");
            long millis = (System.nanoTime() - started.getOrDefault(id, System.nanoTime())) / 1_000_000;
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                log.write(new ChildEvent.Passed(id, millis));
            } else {
                Throwable t = result.getThrowable().orElse(new AssertionError("failed without a reason"));
                Classifier.Outcome o = Classifier.classify(t);
                log.write(new ChildEvent.Failed(id, o.verdict().label(), ResultLog.cut(o.message()), millis));
            }
            TestScope.end();
        }
    }
}
