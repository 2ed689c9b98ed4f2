package racecourse.kernel.exit;

/** What rewritten cell code calls instead of ending the JVM (see {@link ExitRewriter}). */
public final class ExitTrap {
    private ExitTrap() {
    }

    public static void systemExit(int status) {
        throw new ExitCalled("System.exit", status);
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitCalled("Runtime.exit", status);
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitCalled("Runtime.halt", status);
    }
}
