package racecourse.kernel.jshell;

import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Code that already ran in this session, compiled and loaded, so that running it again skips javac.
 * Students re-run cells all the time in this course (run it again: is the count still wrong?), and
 * JShell would compile every re-run from scratch, which is most of a trivial cell's cost.
 *
 * <p>Only code made of statements and expressions is kept: re-running their loaded classes is what
 * a fresh compilation would do, as long as no declaration, import or class path changed since.
 * Any other snippet event forgets everything, so a stale class can never run.
 */
final class CompiledCode {
    /** One snippet of the code: its loaded class, and its first line counted from the code's first. */
    record Step(Snippet snippet, String className, int lineOffset) {
        /** Whether the snippet yields a value (an expression), as opposed to a statement. */
        boolean hasValue() {
            return snippet.kind() == Snippet.Kind.EXPRESSION || snippet instanceof VarSnippet;
        }
    }

    private static final int MAX_ENTRIES = 256;

    private final Map<String, List<Step>> byText = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Step>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<List<Step>> find(String text) {
        return Optional.ofNullable(byText.get(text));
    }

    synchronized void remember(String text, List<Step> steps) {
        byText.put(text, List.copyOf(steps));
    }

    synchronized void forgetAll() {
        byText.clear();
    }

    /**
     * Whether a snippet event leaves the session's meaning unchanged and can be replayed: a valid
     * statement or expression (an expression's temporary variable included), nothing else touched.
     */
    static boolean isReplayable(SnippetEvent e) {
        if (e.causeSnippet() != null || e.status() != Snippet.Status.VALID || e.exception() != null) {
            return false;
        }
        return switch (e.snippet().kind()) {
            case STATEMENT, EXPRESSION -> true;
            case VAR -> e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            default -> false;
        };
    }
}
