package racecourse.grader.course;

import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extensions file a course names: CSV {@code student,exercise,deadline}, one row per
 * extension; {@code exercise} is an exercise of the course or {@code all}; the deadline as in the
 * course file. A student with a row for one exercise and one for {@code all} gets the exercise's
 * for that exercise. Two rows for the same student and exercise are an error (which one would
 * hold?), not a silent pick.
 */
final class ExtensionsFile {
    static final List<String> COLUMNS = List.of("student", "exercise", "deadline");

    private ExtensionsFile() {
    }

    static List<Extension> read(Path file, List<String> exercises, ZoneId zone) {
        String name = String.valueOf(file.getFileName());
        List<Extension> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord r : CsvTable.read(file, COLUMNS)) {
            long line = r.getRecordNumber() + 1;
            String where = name + ": line " + line + ": ";
            String student = r.get("student");
            String exercise = r.get("exercise");
            if (student.isEmpty()) {
                throw new CourseFileException(where + "student is empty");
            }
            if (!exercise.equals("all") && !exercises.contains(exercise)) {
                throw new CourseFileException(where + "exercise must be all or one of the course's (" + String.join(", ", exercises)
                        + "), not \"" + exercise + "\"");
            }
            Long before = seen.put(student + "\u0000" + exercise, line);
            if (before != null) {
                throw new CourseFileException(where + "a second extension for " + student + " and " + exercise + " (the first is line "
                        + before + "); keep one");
            }
            try {
                out.add(new Extension(student, exercise.equals("all") ? null : exercise, Deadlines.parse(r.get("deadline"), zone)));
            } catch (IllegalArgumentException e) {
                throw new CourseFileException(where + "deadline: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
