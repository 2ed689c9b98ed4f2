package racecourse.results;

/**
 * What the explain step gave for one exercise: its outcome, the text added to the failing
 * {@code race}/{@code exclusion} tests (the shortened trace, or a one-line note when there is none)
 * and how long the step took, child JVM included.
 */
public record Explanation(Outcome outcome, String text, double seconds) {
    public enum Outcome {
        /** Lincheck found a failing interleaving; {@code text} is it, shortened. */
        TRACE,
        /** Lincheck tried its interleavings of the scenario and none failed. */
        NO_FAILURE,
        /** The explain child ran out of its wall-clock time. */
        TIMEOUT,
        /** Lincheck or the child failed (e.g. the scenario does not link against the submission). */
        ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public boolean traced() {
        return outcome == Outcome.TRACE;
    }
}
