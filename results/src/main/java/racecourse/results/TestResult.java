package racecourse.results;


/** One graded test: passed, or failed with exactly one verdict and its explanation. */
public record TestResult(String exercise, String id, String name, boolean hidden, Verdict verdict, String message,
                         long millis) {
    public boolean passed() {
        return verdict == null;
    }
}
