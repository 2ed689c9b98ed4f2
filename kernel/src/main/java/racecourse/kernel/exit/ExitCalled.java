package racecourse.kernel.exit;

/**
 * Thrown where cell code called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}:
 * the kernel is the student's whole session, so ending the JVM would lose it. An {@link Error}, so
 * that the usual {@code catch (Exception e)} does not swallow it.
 */
public final class ExitCalled extends Error {
    private final String call;
    private final int status;

    public ExitCalled(String call, int status) {
        super(call + "(" + status + ") was called; the kernel keeps running and keeps your variables");
        this.call = call;
        this.status = status;
    }

    public String call() {
        return call;
    }

    public int status() {
        return status;
    }
}
