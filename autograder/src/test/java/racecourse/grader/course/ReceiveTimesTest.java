package racecourse.grader.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiveTimesTest {
    @TempDir
    Path dir;

    @Test
    void submissionsCsvNeedsAnOffsetAndOneRowPerStudent() throws IOException {
        Path csv = Files.writeString(dir.resolve("submissions.csv"),
                "\uFEFFstudent,submitted_at\nalice,2026-10-06T00:10:00+02:00\n\"d, \"\"a\"\" \u00fc\",2026-10-05T22:00:00Z\n");
        var times = ReceiveTimes.fromCsv(csv);
        assertEquals(Instant.parse("2026-10-05T22:10:00Z"), times.get("alice").at());
        assertEquals(Instant.parse("2026-10-05T22:00:00Z"), times.get("d, \"a\" \u00fc").at());
        Files.writeString(csv, "student,submitted_at\nalice,2026-10-06T00:10:00+02:00\nalice,2026-10-06T00:20:00+02:00\n");
        assertEquals("submissions.csv: line 3: student alice is listed twice; keep one row per student",
                assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage());
        Files.writeString(csv, "student,submitted_at\nalice,2026-10-06T00:10:00\n");
        assertTrue(assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage()
                .startsWith("submissions.csv: line 2: submitted_at must be ISO-8601 with an offset"));
    }

    @Test
    void gradescopeMetadataGivesCreatedAtAndTheSubmittersIds() throws IOException {
        Path meta = Files.writeString(dir.resolve("submission_metadata.json"), """
                {"id": 123456, "created_at": "2018-07-01T14:22:32.365935-07:00",
                 "assignment": {"due_date": "2018-07-31T23:00:00.000000-07:00"},
                 "users": [{"email": "student@example.com", "id": 1234, "name": "Student User", "sid": "s-17"}]}
                """);
        ReceiveTime t = ReceiveTimes.fromGradescope(meta);
        assertEquals(Instant.parse("2018-07-01T21:22:32.365935Z"), t.at());
        assertEquals(List.of("s-17", "student@example.com", "1234"), ReceiveTimes.gradescopeStudentIds(meta));
        assertEquals(ReceiveTime.UNKNOWN, ReceiveTimes.fromGradescope(dir.resolve("absent.json")));
        Files.writeString(meta, "{\"id\": 1}");
        assertEquals("submission_metadata.json: created_at is missing",
                assertThrows(CourseFileException.class, () -> ReceiveTimes.fromGradescope(meta)).getMessage());
    }
}
