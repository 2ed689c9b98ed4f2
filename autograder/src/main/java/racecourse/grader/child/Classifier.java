package racecourse.grader.child;

import racecourse.grader.harness.Diagnosis;
import racecourse.grader.harness.SubmissionExit;
import racecourse.grader.harness.TestScope;
import racecourse.results.Verdict;
import racecourse.grader.harness.VerdictFailure;

import java.util.List;
import java.util.concurrent.TimeoutException;

/** Turns a test's failure into exactly one verdict and an explanation a student can act on. */
final class Classifier {
    record Outcome(Verdict verdict, String message) {
    }

    private Classifier() {
    }

    static Outcome classify(Throwable failure) {
        return withWorkerDeath(classifyFailure(failure));
    }

    /**
     * A thread of this test that died with an exception outranks what it caused: the others waiting
     * for it ({@code hang}, {@code deadlock}), its work missing from the result ({@code race},
     * {@code exclusion}, {@code serialized}, {@code starvation}) or a wrong answer ({@code functional}).
     * Threads or processes left behind ({@code resources}) and a mismatched API ({@code compile})
     * keep their own verdict.
     */
    static Outcome withWorkerDeath(Outcome o) {
        var death = TestScope.currentDeath();
        if (death.isEmpty() || o.verdict() == Verdict.RESOURCES || o.verdict() == Verdict.COMPILE) {
            return o;
        }
        String cause = death.get().describe();
        if (String.valueOf(o.message()).startsWith(cause)) {
            return o;        // Diagnosis.stuck already told it
        }
        return new Outcome(death.get().verdict(), cause + "; then: " + o.message());
    }

    private static Outcome classifyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof VerdictFailure v) {
                return new Outcome(v.verdict(), v.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SubmissionExit e) {
                return new Outcome(Verdict.FUNCTIONAL, e.getMessage() + where(failure));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException && String.valueOf(t.getMessage()).contains("timed out")) {
                // The running test's threads only (TestScope): an earlier test's leftovers are not why this one hangs.
                VerdictFailure f = Diagnosis.stuck("the test", Diagnosis.liveThreads().stream()
                        .filter(th -> Diagnosis.submissionFrame(th.getStackTrace()) != null).toList());
                return new Outcome(f.verdict(), f.getMessage());
            }
        }
        Throwable root = failure;
        if (root instanceof OutOfMemoryError) {
            return new Outcome(Verdict.RESOURCES, "ran out of memory (the heap is limited): " + root.getMessage());
        }
        if (root instanceof NoClassDefFoundError n && String.valueOf(n.getMessage()).startsWith("Could not initialize")) {
            return new Outcome(Verdict.FUNCTIONAL, "the class's static initializer failed earlier: " + n.getMessage());
        }
        if (root instanceof ExceptionInInitializerError e) {
            return new Outcome(Verdict.FUNCTIONAL, "the class's static initializer threw " + e.getCause());
        }
        if (root instanceof LinkageError) {
            return new Outcome(Verdict.COMPILE, "does not match the exercise's API: " + root);
        }
        if (root instanceof UnsupportedOperationException && "TODO".equals(root.getMessage())) {
            return new Outcome(Verdict.FUNCTIONAL, "not implemented yet (the skeleton's TODO)" + where(root));
        }
        if (root instanceof AssertionError) {
            return new Outcome(Verdict.FUNCTIONAL, root.getMessage());
        }
        return new Outcome(Verdict.FUNCTIONAL, "threw " + root + where(root));
    }

    private static String where(Throwable t) {
        List<String> frames = Diagnosis.submissionFrames(t, 3);
        return frames.isEmpty() ? "" : " at " + String.join(" < ", frames);
    }
}
