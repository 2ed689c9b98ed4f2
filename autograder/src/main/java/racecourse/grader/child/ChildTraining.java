package racecourse.grader.child;

import racecourse.grader.Catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training run of the child JVM's startup cache ({@code racecourse.grader.run.StartupCache}):
 * does what a grading child does, with the grader's own code only, so that the JVM records the
 * classes a child loads (JUnit's launcher and engine, the harness, Gson, ASM, the resource caps'
 * management beans). Never runs a submission: a cache every later child maps must not be shaped by
 * one. Every exercise's suites run against an empty submission folder (each test fails at once
 * with a missing class, which also trains the failure path: classifier, diagnosis); ASM rewrites
 * one of the harness's own classes as it would a submission's. Argument: a scratch folder.
 */
public final class ChildTraining {
    private ChildTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        Path empty = Files.createDirectories(scratch.resolve("empty-submission"));
        ResultLog log = new ResultLog(scratch.resolve("training.jsonl"), "training");
        Map<String, String> running = new ConcurrentHashMap<>();
        ResourceCaps caps = new ResourceCaps(log, running, 400, 64);
        caps.start();
        Thread.setDefaultUncaughtExceptionHandler(racecourse.grader.harness.TestScope::uncaught); // as in ChildMain
        Instrumenter.instrument(ownClass("racecourse/grader/harness/Stress.class"), true);
        Instrumenter.instrument(ownClass("racecourse/grader/harness/Stress.class"), false);
        for (String exercise : Catalog.EXERCISES) {
            ChildMain.runSuites(exercise, empty, log, running);
        }
        log.write(new racecourse.grader.model.ChildEvent.Done());
        // A normal exit, not halt: the JVM writes the cache (or its training record) on the way out.
        System.exit(0);
    }

    private static byte[] ownClass(String resource) throws IOException {
        try (InputStream in = ChildTraining.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return in.readAllBytes();
        }
    }
}
