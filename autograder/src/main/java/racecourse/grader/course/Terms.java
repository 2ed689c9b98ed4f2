package racecourse.grader.course;

import racecourse.results.ExerciseResult;
import racecourse.results.ExerciseScore;
import racecourse.results.Grading;
import racecourse.results.Standing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms one student's grading is scored on: the course, the student (for extensions), when
 * the work was received (per exercise where known), and when the feedback is written ({@code now}: hidden details that the
 * course shows after the deadline show only once that student's deadline has passed).
 */
public record Terms(Course course, String student, StudentReceiveTimes received, Instant now) {
    /** One receive time for all the student's exercises. */
    public Terms(Course course, String student, ReceiveTime received, Instant now) {
        this(course, student, StudentReceiveTimes.same(received), now);
    }

    /** The grading cut to the course's exercises, in the course's order (a regrade may have graded more). */
    public Grading within(Grading g) {
        List<ExerciseResult> kept = course.exercises().stream()
                .flatMap(x -> g.exercises().stream().filter(e -> e.exercise().equals(x)))
                .toList();
        return new Grading(kept, g.seed(), g.notes(), g.seconds(), g.sandboxed());
    }

    public List<ExerciseScore> scores(Grading g) {
        return CourseResults.scores(g, course, student, received);
    }

    /** What feedback.md shows under this course. */
    public Standing standing(Grading g) {
        Set<String> details = new LinkedHashSet<>();
        if (course.hiddenDetails() == HiddenDetails.AFTER_DEADLINE) {
            for (ExerciseResult e : g.exercises()) {
                ZonedDateTime deadline = course.deadline(student, e.exercise());
                if (deadline != null && now.isAfter(deadline.toInstant())) {
                    details.add(e.exercise());
                }
            }
        }
        String line = received.line(g.exercises().stream().map(ExerciseResult::exercise).toList());
        return new Standing(scores(g), details, line);
    }

    /** results.json (Gradescope's format) under this course. */
    public String resultsJson(Grading g) {
        return CourseResults.json(g, course, student, received);
    }
}
