package racecourse.cli.regrade;

import racecourse.grader.course.Course;
import racecourse.grader.course.CourseFile;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --course} option of the class commands: read first, so a bad file stops the command
 * with its one-line error before anything is graded or written.
 */
public final class CourseOption {
    private CourseOption() {
    }

    /** Under which name OUT remembers the course file its gradebook was scored under. */
    static final String REMEMBERED = "course";

    /**
     * OUT remembers {@code file}, so a later command that rewrites the gradebook without --course
     * ({@code review}) scores it under the same course instead of falling back to plain scores.
     */
    public static void remember(Path out, Path file) throws java.io.IOException {
        racecourse.grader.batch.RememberedPath.write(out, REMEMBERED, file);
    }

    /** The course file OUT remembers, if any. */
    public static java.util.Optional<Path> remembered(Path out) throws java.io.IOException {
        return racecourse.grader.batch.RememberedPath.read(out, REMEMBERED);
    }

    /** The course, or null without the option. */
    public static Course read(Path file) {
        return file == null ? null : CourseFile.read(file);
    }

    /** The receive times in ROOT/submissions.csv, or none (then no late penalty, and the gradebook says so). */
    public static java.util.Map<String, racecourse.grader.course.StudentReceiveTimes> receiveTimes(Path root) {
        Path csv = root.resolve(racecourse.grader.course.ReceiveTimes.CSV_NAME);
        return java.nio.file.Files.isRegularFile(csv) ? racecourse.grader.course.ReceiveTimes.fromCsv(csv) : java.util.Map.of();
    }

    /**
     * The exercises to grade: those named with --exercise, else the course's, else all (empty). A
     * named exercise the course does not grade is refused before grading: it could not be scored.
     */
    public static List<String> exercises(List<String> named, Course course) {
        if (course == null) {
            return named;
        }
        for (String x : named) {
            if (!course.plans().containsKey(x)) {
                throw new IllegalArgumentException("--exercise " + x + ": the course does not grade it (its exercises: "
                        + String.join(", ", course.exercises()) + ")");
            }
        }
        return named.isEmpty() ? course.exercises() : named;
    }
}
