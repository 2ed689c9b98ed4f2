package racecourse.grader.explain.scenarios;

/** What a scenario throws when the interleaving Lincheck chose broke the exercise's contract. */
public final class BrokenInvariant extends RuntimeException {
    public BrokenInvariant(String message) {
        super(message, null, false, false);
    }
}
