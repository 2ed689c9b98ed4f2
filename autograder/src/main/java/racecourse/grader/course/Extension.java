package racecourse.grader.course;

import java.time.ZonedDateTime;

/** One row of the extensions file: a student's new deadline for one exercise, or for all ({@code exercise} null). */
public record Extension(String student, String exercise, ZonedDateTime deadline) {
}
