package racecourse.grader.run;

import java.time.Duration;

/**
 * What one exercise's child JVM may use. {@code niceness} (0-19) lowers the child's CPU priority
 * below the grader's, for a grader that shares its machine with interactive work (the submission
 * service acknowledging uploads while its workers grade); 0 leaves it as the grader's.
 */
public record Limits(Duration wall, int heapMegabytes, int threadCap, int processCap, int outputBytes, int niceness) {
    public Limits {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be 0 to 19, not " + niceness);
        }
    }

    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(90), 256, 400, 64, 1 << 20, 0);
    }

    /** The same limits, the child's CPU priority lowered by {@code n} (as {@code nice -n n}). */
    public Limits withNiceness(int n) {
        return new Limits(wall, heapMegabytes, threadCap, processCap, outputBytes, n);
    }

    /** The same limits with another wall-clock bound. */
    public Limits withWall(Duration w) {
        return new Limits(w, heapMegabytes, threadCap, processCap, outputBytes, niceness);
    }
}
