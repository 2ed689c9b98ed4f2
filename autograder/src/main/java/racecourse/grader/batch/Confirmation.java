package racecourse.grader.batch;

import java.util.List;

/**
 * A failing test rerun with other seeds: how often it failed again. A failure that never came back
 * ({@code reproduced == 0}) is not counted against the student; it is flagged for the instructor.
 */
public record Confirmation(String testId, String testName, String verdict, long seed, List<Long> rerunSeeds,
                           int reproduced) {
    public boolean flagged() {
        return reproduced == 0;
    }

    public String describe(String exercise) {
        return exercise + ": \"" + testName + "\" failed (" + verdict + ", seed " + seed + ") "
                + (flagged() ? "but passed in all " + rerunSeeds.size() + " reruns (seeds " + seeds()
                        + "): not counted, flagged for the instructor"
                        : "and failed again in " + reproduced + " of " + rerunSeeds.size() + " reruns (seeds " + seeds() + ")");
    }

    private String seeds() {
        return String.join(", ", rerunSeeds.stream().map(String::valueOf).toList());
    }
}
