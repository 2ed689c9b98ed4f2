package racecourse.viz;

import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts distinct outcomes of repeated runs, like jcstress: {@code o.add(String.valueOf(count))} after
 * each run, then {@code o} prints as {@code "400000: 37 runs"} lines and {@code display(o.chart("..."))}
 * shows them as bars. Thread-safe: runs may add from several threads.
 */
public final class Outcomes {
    /** outcome → count, in order of first appearance. */
    private final Map<String, Long> counts = new LinkedHashMap<>();

    /** An empty count. */
    public Outcomes() {
    }

    /** Counts one run that ended with {@code outcome}; returns this, for chaining. */
    public synchronized Outcomes add(String outcome) {
        counts.merge(String.valueOf(outcome), 1L, Long::sum);
        return this;
    }

    /** Counts {@code times} runs that ended with {@code outcome}. */
    public synchronized Outcomes add(String outcome, long times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        if (times > 0) {
            counts.merge(String.valueOf(outcome), times, Long::sum);
        }
        return this;
    }

    /** Adds every count of {@code other} (e.g. from another batch of runs). */
    public Outcomes addAll(Outcomes other) {
        for (var e : other.counts().entrySet()) {
            add(e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * outcome → number of runs, most frequent first (ties in order of first appearance); an
     * unmodifiable snapshot.
     */
    public synchronized Map<String, Long> counts() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()); // stable: ties keep their order
        Map<String, Long> sorted = new LinkedHashMap<>();
        for (var e : entries) {
            sorted.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(sorted);
    }

    /** How many runs ended with {@code outcome} (0 if none). */
    public synchronized long count(String outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** The number of runs counted. */
    public synchronized long total() {
        long t = 0;
        for (long c : counts.values()) {
            t += c;
        }
        return t;
    }

    /** The number of distinct outcomes. */
    public synchronized int distinct() {
        return counts.size();
    }

    /** Forgets every count. */
    public synchronized void clear() {
        counts.clear();
    }

    /** A bar chart of the outcomes, most frequent first (see {@link Charts#outcomes(Map, String)}). */
    public JFreeChart chart(String title) {
        return Charts.outcomes(counts(), title);
    }

    /** Like {@link #chart(String)}, with the {@code expected} outcomes green and the others red. */
    public JFreeChart chart(String title, Collection<String> expected) {
        return Charts.outcomes(counts(), title, expected);
    }

    /**
     * The jcstress-style table, one line per outcome, most frequent first:
     * <pre>
     * 400000: 37 runs
     * 387112: 1 run
     * </pre>
     * Outcomes of several lines are shown on one, with {@code ⏎} for each line break.
     */
    @Override
    public String toString() {
        Map<String, Long> sorted = counts();
        if (sorted.isEmpty()) {
            return "(no runs)";
        }
        StringBuilder b = new StringBuilder();
        for (var e : sorted.entrySet()) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(shown(e.getKey())).append(": ").append(e.getValue())
                    .append(e.getValue() == 1 ? " run" : " runs");
        }
        return b.toString();
    }

    /** An outcome as one line: trailing line breaks dropped, inner ones shown as ⏎, empty as (empty). */
    static String shown(String outcome) {
        String s = outcome.stripTrailing();
        if (s.isEmpty()) {
            return "(empty)";
        }
        return s.replace("\r\n", "\n").replace("\n", " ⏎ ");
    }
}
