package racecourse.grader.batch;

import racecourse.results.ExerciseResult;

import java.util.List;

/**
 * One student's graded exercise as stored: the key it was graded under (see {@link Fingerprint}),
 * its result (failures that never reproduced already counted as passed), the confirmations, and the
 * notes the grader added beyond what reading the submission said (the sandbox warning).
 */
public record ExerciseRecord(String key, String student, ExerciseResult result, List<Confirmation> confirmations,
                             boolean sandboxed, List<String> graderNotes) {
    public List<Confirmation> flagged() {
        return confirmations.stream().filter(Confirmation::flagged).toList();
    }
}
