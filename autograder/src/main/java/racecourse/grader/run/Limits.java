package racecourse.grader.run;

import java.time.Duration;

/** What one exercise's child JVM may use. */
public record Limits(Duration wall, int heapMegabytes, int threadCap, int processCap, int outputBytes) {
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(90), 256, 400, 64, 1 << 20);
    }
}
