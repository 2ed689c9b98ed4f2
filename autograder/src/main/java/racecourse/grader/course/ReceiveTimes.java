package racecourse.grader.course;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where receive times come from: a class's submissions.csv, or one Gradescope submission's metadata. */
public final class ReceiveTimes {
    /** The file a regrade looks for in ROOT, next to the student folders. */
    public static final String CSV_NAME = "submissions.csv";
    static final java.util.List<String> COLUMNS = java.util.List.of("student", "submitted_at");
    /** The format with a time per exercise, as the submission service writes it. */
    static final java.util.List<String> EXERCISE_COLUMNS = java.util.List.of("student", "exercise", "submitted_at");

    private ReceiveTimes() {
    }

    /**
     * A class's receive times, in one of two formats told apart by the first row:
     * {@code student,submitted_at} (one time for all of a student's exercises; a student twice is an
     * error) or {@code student,exercise,submitted_at} (a time per exercise, as the submission service
     * receives them; the same student and exercise twice, an exercise the grader does not know or an
     * empty one are errors, and an exercise without a row has no known time). submitted_at is
     * ISO-8601 with an offset ({@code 2026-10-05T23:59:00+02:00} or {@code ...Z}): a time without an
     * offset is ambiguous and refused. One file cannot mix the formats.
     */
    public static Map<String, StudentReceiveTimes> fromCsv(Path file) {
        String name = String.valueOf(file.getFileName());
        CsvTable.Table table = CsvTable.readOneOf(file, java.util.List.of(COLUMNS, EXERCISE_COLUMNS));
        boolean perExercise = table.columns().equals(EXERCISE_COLUMNS);
        Map<String, ReceiveTime> single = new LinkedHashMap<>();
        Map<String, Map<String, ReceiveTime>> split = new LinkedHashMap<>();
        Map<String, Long> lineOf = new java.util.HashMap<>();
        for (CSVRecord r : table.rows()) {
            long line = r.getRecordNumber() + 1;
            String where = name + ": line " + line + ": ";
            String student = r.get("student");
            if (student.isEmpty()) {
                throw new CourseFileException(where + "student is empty");
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(r.get("submitted_at")).toInstant();
            } catch (DateTimeParseException e) {
                throw new CourseFileException(where + "submitted_at must be ISO-8601 with an offset, e.g. 2026-10-05T23:59:00+02:00, not \""
                        + r.get("submitted_at") + "\"");
            }
            ReceiveTime t = new ReceiveTime(at, name);
            if (!perExercise) {
                if (single.put(student, t) != null) {
                    throw new CourseFileException(where + "student " + student + " is listed twice; keep one row per student"
                            + " (or add an exercise column: student,exercise,submitted_at)");
                }
                continue;
            }
            String exercise = r.get("exercise");
            if (exercise.isEmpty()) {
                throw new CourseFileException(where + "exercise is empty; with the exercise column every row names one"
                        + " (for one time per student, leave the column out of the whole file)");
            }
            if (!racecourse.grader.Catalog.isExercise(exercise)) {
                throw new CourseFileException(where + "unknown exercise \"" + exercise + "\"; the exercises are "
                        + String.join(", ", racecourse.grader.Catalog.EXERCISES));
            }
            Long before = lineOf.put(student + "\u0000" + exercise, line);
            if (before != null) {
                throw new CourseFileException(where + "student " + student + " and exercise " + exercise
                        + " are listed twice (also line " + before + "); keep one row per student and exercise");
            }
            split.computeIfAbsent(student, k -> new LinkedHashMap<>()).put(exercise, t);
        }
        Map<String, StudentReceiveTimes> out = new LinkedHashMap<>();
        single.forEach((s, t) -> out.put(s, StudentReceiveTimes.same(t)));
        split.forEach((s, m) -> out.put(s, StudentReceiveTimes.perExercise(m)));
        return out;
    }

    /**
     * Gradescope's {@code submission_metadata.json}: its {@code created_at} (ISO-8601 with an offset
     * and microseconds, e.g. {@code 2018-07-01T14:22:32.365935-07:00}). Absent file: unknown.
     */
    public static ReceiveTime fromGradescope(Path metadata) {
        if (metadata == null || !Files.isRegularFile(metadata)) {
            return ReceiveTime.UNKNOWN;
        }
        String name = String.valueOf(metadata.getFileName());
        try {
            JsonElement root = JsonParser.parseString(Files.readString(metadata, StandardCharsets.UTF_8));
            JsonElement created = root.isJsonObject() ? root.getAsJsonObject().get("created_at") : null;
            if (created == null || !created.isJsonPrimitive()) {
                throw new CourseFileException(name + ": created_at is missing");
            }
            return new ReceiveTime(OffsetDateTime.parse(created.getAsString()).toInstant(), name + " created_at");
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new CourseFileException(name + ": cannot read: " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new CourseFileException(name + ": created_at is not an ISO-8601 date-time: " + e.getParsedString());
        }
    }

    /** The submitter's ids in Gradescope's metadata (email, sid, id of the first user), to match extensions. */
    public static java.util.List<String> gradescopeStudentIds(Path metadata) {
        if (metadata == null || !Files.isRegularFile(metadata)) {
            return java.util.List.of();
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(metadata, StandardCharsets.UTF_8)).getAsJsonObject();
            var users = root.getAsJsonArray("users");
            if (users == null || users.isEmpty()) {
                return java.util.List.of();
            }
            JsonObject u = users.get(0).getAsJsonObject();
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (String k : java.util.List.of("sid", "email", "id")) {
                if (u.has(k) && !u.get(k).isJsonNull()) {
                    ids.add(u.get(k).getAsString());
                }
            }
            return ids;
        } catch (IOException | RuntimeException e) {
            return java.util.List.of();
        }
    }
}
