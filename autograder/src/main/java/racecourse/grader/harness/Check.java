package racecourse.grader.harness;

import racecourse.results.Verdict;
/** Assertions that carry their verdict. */
public final class Check {
    private Check() {
    }

    public static void that(boolean ok, Verdict verdict, String message) {
        if (!ok) {
            throw new VerdictFailure(verdict, message);
        }
    }

    /**
     * A check of a concurrent run: if it failed, {@code race} when the same work done by one thread
     * gives the right answer, {@code functional} when it does not (so a plain bug is not called a race).
     */
    public static void concurrent(boolean ok, java.util.function.BooleanSupplier rightInOneThread, String message) {
        concurrent(ok, Verdict.RACE, rightInOneThread, message);
    }

    /** As {@link #concurrent(boolean, java.util.function.BooleanSupplier, String)}, failing with {@code verdict} when one thread gets it right. */
    public static void concurrent(boolean ok, Verdict verdict, java.util.function.BooleanSupplier rightInOneThread, String message) {
        if (!ok) {
            boolean sequentialOk;
            boolean was = Perturb.enabled();
            Perturb.off();
            try {
                sequentialOk = rightInOneThread.getAsBoolean();
            } finally {
                if (was) {
                    Perturb.resume();
                }
            }
            throw sequentialOk ? new VerdictFailure(verdict, message)
                    : new VerdictFailure(Verdict.FUNCTIONAL, message + " (the same work done by one thread is wrong too)");
        }
    }

    public static VerdictFailure fail(Verdict verdict, String message) {
        throw new VerdictFailure(verdict, message);
    }

    public static void equal(Object expected, Object actual, Verdict verdict, String what) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw new VerdictFailure(verdict, what + ": expected " + expected + ", got " + actual);
        }
    }
}
