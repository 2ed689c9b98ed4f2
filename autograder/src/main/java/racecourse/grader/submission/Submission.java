package racecourse.grader.submission;

import java.util.List;
import java.util.Map;

/** The exercise files found in a submission, by exercise name, and notes about everything else. */
public record Submission(Map<String, SourceFile> files, List<String> notes) {
}
