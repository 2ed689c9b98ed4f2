package racecourse.grader.run;

import java.util.List;
import java.util.Map;

/**
 * What the grader saw of one child run: the result lines that carried the run's token (all others
 * are ignored), how the process ended, and its output cut at the limit.
 */
public record ChildOutcome(List<Map<String, Object>> lines, boolean timedOut, int exitStatus, String output,
                           boolean sandboxed) {
    /** The lines of one kind, in order. */
    public List<Map<String, Object>> of(String kind) {
        return lines.stream().filter(l -> kind.equals(l.get("kind"))).toList();
    }

    public boolean finished() {
        return !of("done").isEmpty();
    }
}
