package racecourse.grader.course;

import java.time.Duration;

/**
 * How late work loses points: nothing within {@code grace} of the deadline; past it,
 * {@code percentPerDay} for every started day after the deadline (so 1 h late is one day), at most
 * {@code maxPercent}. Percent of the raw score.
 */
public record LatePolicy(double percentPerDay, double maxPercent, Duration grace) {
    /** No penalty at all (a course file without a [late] table). */
    public static final LatePolicy NONE = new LatePolicy(0, 0, Duration.ZERO);

    /** The penalty in percent for work received {@code late} after its deadline (negative: early). */
    public double penaltyPercent(Duration late) {
        if (late.compareTo(grace) <= 0) {
            return 0;
        }
        // Whole seconds rounded up: 0.2 s late has started a day, as the receipt's "late" says.
        long seconds = late.toSeconds() + (late.toNanosPart() > 0 ? 1 : 0);
        long startedDays = (seconds + 86_399) / 86_400;
        return Math.min(maxPercent, startedDays * percentPerDay);
    }
}
