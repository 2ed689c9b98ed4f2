package racecourse.kernel.magic;

/** A magic was called wrongly; the message says how, and its usage line is shown with it. */
public final class MagicUsageException extends Exception {
    public MagicUsageException(String message) {
        super(message);
    }
}
