package racecourse.grader.run;

import racecourse.grader.model.ChildEvent;

import java.util.List;

/**
 * What the grader saw of one child run: the events of the result lines that carried the run's
 * token, why other lines were rejected (one line each), how the process ended, and its output cut
 * at the limit.
 */
public record ChildOutcome(List<ChildEvent> events, List<String> rejected, boolean timedOut, int exitStatus,
                           String output, boolean sandboxed) {
    /** The events of one type, in order. */
    public <E extends ChildEvent> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public boolean finished() {
        return !of(ChildEvent.Done.class).isEmpty();
    }
}
