package racecourse.grader.harness;

/**
 * Thrown where the submission called System.exit, Runtime.exit or Runtime.halt: the instrumenter
 * rewrites those calls, so a submission cannot end the grading JVM (there is no Security Manager
 * since JDK 24 to forbid it).
 */
public final class SubmissionExit extends Error {
    public SubmissionExit(String what, int status) {
        super("your code called " + what + "(" + status + "); a graded class must not end the JVM");
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new SubmissionExit("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new SubmissionExit("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new SubmissionExit("Runtime.halt", status);
    }
}
