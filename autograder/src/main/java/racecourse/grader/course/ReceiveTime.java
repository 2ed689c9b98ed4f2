package racecourse.grader.course;

import java.time.Instant;

/**
 * When a submission was received, and where that was read (e.g. {@code submissions.csv} or
 * Gradescope's {@code submission_metadata.json}); {@code at} null when no source said, in which
 * case no late penalty applies and the gradebook says so. Never taken from file times: those
 * change with every copy and unzip.
 */
public record ReceiveTime(Instant at, String source) {
    public static final ReceiveTime UNKNOWN = new ReceiveTime(null, "no receive time known");

    public boolean known() {
        return at != null;
    }
}
