package racecourse.grader.submission;

/** One exercise file of a submission: where it came from and its text (or why it cannot be used). */
public record SourceFile(String exercise, String origin, String text, String problem) {
    public static SourceFile ok(String exercise, String origin, String text) {
        return new SourceFile(exercise, origin, text, null);
    }

    public static SourceFile unusable(String exercise, String origin, String problem) {
        return new SourceFile(exercise, origin, null, problem);
    }
}
