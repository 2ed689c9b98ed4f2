package racecourse.server.store;

import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;

/** A submission as the database holds it: its receipt, its stored files' hash, its job's state and its result. */
public record StoredSubmission(Receipt receipt, String blobSha256, SubmissionStatus.State state, String error,
                               String gradingJson, Double score, Double maxScore, String hiddenMessagesJson) {
}
