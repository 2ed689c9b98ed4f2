package racecourse.cli;

/** A failure whose message alone tells the user what went wrong and what to do. */
public final class CommandFailure extends RuntimeException {
    public CommandFailure(String message) {
        super(message);
    }
}
