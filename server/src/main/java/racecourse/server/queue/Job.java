package racecourse.server.queue;

import java.time.Instant;
import java.util.List;

/** A leased grading job: the submission, what to grade, and which attempt this is (1 = first). */
public record Job(String submissionId, String student, String blobSha256, List<String> exercises, Instant receivedAt,
                  int attempt) {
}
