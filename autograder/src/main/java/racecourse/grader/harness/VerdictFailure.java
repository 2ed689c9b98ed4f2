package racecourse.grader.harness;

import racecourse.results.Verdict;
/** A test failure that names its verdict; the child reports it as is. */
public final class VerdictFailure extends AssertionError {
    private final Verdict verdict;

    public VerdictFailure(Verdict verdict, String message) {
        super(message);
        this.verdict = verdict;
    }

    public VerdictFailure(Verdict verdict, String message, Throwable cause) {
        super(message, cause);
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
