package racecourse.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns the failures a user can act on (a bad path, a full disk, a refused permission) into one
 * line on stderr and exit status 2. Anything else is a bug of ours and keeps its stack trace.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed)
            throws Exception {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof IllegalArgumentException
                || cause instanceof CommandFailure) {
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + describe(cause));
            return EXIT_USER_ERROR;
        }
        throw e;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + message;
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + message;
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
