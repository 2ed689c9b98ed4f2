package racecourse.server.api;

import java.util.List;

/** A student's submissions, newest first, without the gradings (fetch one for its verdicts). */
public record SubmissionList(List<Entry> submissions) {
    public record Entry(Receipt receipt, SubmissionStatus.State state, Double score, Double maxScore) {
    }
}
