package racecourse.server.api;

import java.time.Instant;
import java.util.List;

/**
 * What the server answers once a submission is stored durably: its id, the server's receive time
 * (the submission time for the late policy; a client cannot set it), the exercises it holds, and
 * which of them came after their deadline (the student's extension included).
 */
public record Receipt(String id, String student, Instant receivedAt, List<String> exercises, List<String> lateExercises) {
    public boolean late() {
        return !lateExercises.isEmpty();
    }
}
