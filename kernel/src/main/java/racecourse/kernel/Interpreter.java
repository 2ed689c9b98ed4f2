package racecourse.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.List;
import java.util.Optional;

/**
 * What a language engine offers the Jupyter protocol: the one narrow interface between
 * {@code racecourse.kernel.protocol} (messages, channels) and {@code racecourse.kernel.jshell}
 * (Java). The protocol side knows nothing of JShell and the engine nothing of ZeroMQ.
 */
public interface Interpreter extends AutoCloseable {

    /** Runs a cell. Output, displays and input go through {@code cell}; the value is returned. */
    Outcome execute(String code, Cell cell);

    Completion complete(String code, int cursor);

    /** Documentation of the name under the cursor, if any. */
    Optional<DisplayData> inspect(String code, int cursor, int detailLevel);

    Completeness isComplete(String code);

    /**
     * Stops the running cell, or the cell about to run if it was asked for before {@code sentAt} (the
     * interrupt request's date by the front end's clock; null if unknown): an interrupt may arrive on
     * the control channel before the execute request it follows is read from the shell channel.
     * Called from another thread than {@link #execute}.
     */
    void interrupt(java.time.Instant sentAt);

    /** The language's version, for {@code language_info}. */
    String languageVersion();

    String banner();

    @Override
    void close();

    /** How a cell ended. */
    sealed interface Outcome {
        /** Ran to the end; {@code value} is the cell's execute_result, if it has one. */
        record Ok(Optional<DisplayData> value) implements Outcome {
        }

        /** Failed: {@code name} is the kind of error, {@code traceback} the lines to show. */
        record Failed(String name, String value, List<String> traceback) implements Outcome {
        }
    }

    record Completion(List<String> matches, int start, int end) {
    }

    /** is_complete: status is complete, incomplete, invalid or unknown; indent only for incomplete. */
    record Completeness(String status, String indent) {
        public static final Completeness COMPLETE = new Completeness("complete", "");
        public static final Completeness INVALID = new Completeness("invalid", "");
        public static final Completeness UNKNOWN = new Completeness("unknown", "");

        public static Completeness incomplete(String indent) {
            return new Completeness("incomplete", indent);
        }
    }
}
