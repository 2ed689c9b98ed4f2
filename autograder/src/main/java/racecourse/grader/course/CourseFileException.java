package racecourse.grader.course;

/**
 * A course file (or a file it names) that cannot be used: the message is one line naming the file,
 * the key or row, and the problem. An IllegalArgumentException, so the CLI prints it alone and
 * exits 2 before anything is graded.
 */
public final class CourseFileException extends IllegalArgumentException {
    public CourseFileException(String message) {
        super(message.replaceAll("[\\r\\n]+", " "));
    }
}
