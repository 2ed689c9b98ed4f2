package racecourse.grader.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(Instant.parse("2026-10-05T22:10:00Z"), times.get("alice").all().at());
        assertEquals(Instant.parse("2026-10-05T22:00:00Z"), times.get("d, \"a\" \u00fc").all().at());
        Files.writeString(csv, "student,submitted_at\nalice,2026-10-06T00:10:00+02:00\nalice,2026-10-06T00:20:00+02:00\n");
        assertEquals("submissions.csv: line 3: student alice is listed twice; keep one row per student"
                        + " (or add an exercise column: student,exercise,submitted_at)",
                assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage());
        Files.writeString(csv, "student,submitted_at\nalice,2026-10-06T00:10:00\n");
        assertTrue(assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage()
                .startsWith("submissions.csv: line 2: submitted_at must be ISO-8601 with an offset"));
    }

    @Test
    void anExerciseColumnGivesATimePerExercise() throws IOException {
        Path csv = Files.writeString(dir.resolve("submissions.csv"), "student,exercise,submitted_at\n"
                + "alice,SafeCounter,2026-10-05T21:00:00.123Z\nalice,BoundedBuffer,2026-10-06T08:00:00+02:00\n"
                + "bob,BoundedBuffer,2026-10-07T00:00:00Z\n");
        var times = ReceiveTimes.fromCsv(csv);
        assertEquals(Instant.parse("2026-10-05T21:00:00.123Z"), times.get("alice").of("SafeCounter").at(), "milliseconds kept");
        assertEquals(Instant.parse("2026-10-06T06:00:00Z"), times.get("alice").of("BoundedBuffer").at());
        assertEquals("submissions.csv", times.get("alice").of("BoundedBuffer").source());
        assertEquals(Instant.parse("2026-10-07T00:00:00Z"), times.get("bob").of("BoundedBuffer").at());
        assertFalse(times.get("bob").of("SafeCounter").known(), "an exercise without a row has no known time");
        assertFalse(times.get("alice").uniform());
        // Without the column: one time for every exercise, as before.
        Files.writeString(csv, "student,submitted_at\nalice,2026-10-05T21:00:00Z\n");
        var one = ReceiveTimes.fromCsv(csv).get("alice");
        assertTrue(one.uniform());
        assertEquals(Instant.parse("2026-10-05T21:00:00Z"), one.of("SafeCounter").at());
        assertEquals(Instant.parse("2026-10-05T21:00:00Z"), one.of("Memoizer").at());
    }

    @Test
    void malformedPerExerciseRowsAreClearErrors() throws IOException {
        Path csv = dir.resolve("submissions.csv");
        Files.writeString(csv, "student,exercise,submitted_at\nalice,SafeCounter,2026-10-05T21:00:00Z\n"
                + "bob,SafeCounter,2026-10-05T21:00:00Z\nalice,SafeCounter,2026-10-05T22:00:00Z\n");
        assertEquals("submissions.csv: line 4: student alice and exercise SafeCounter are listed twice (also line 2);"
                        + " keep one row per student and exercise",
                assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage());
        Files.writeString(csv, "student,exercise,submitted_at\nalice,SafeCountr,2026-10-05T21:00:00Z\n");
        assertTrue(assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage()
                .startsWith("submissions.csv: line 2: unknown exercise \"SafeCountr\"; the exercises are SafeCounter, BoundedBuffer,"));
        Files.writeString(csv, "student,exercise,submitted_at\nalice,,2026-10-05T21:00:00Z\n");
        assertTrue(assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage()
                .startsWith("submissions.csv: line 2: exercise is empty; with the exercise column every row names one"));
        // Mixed formats: a per-student row in a per-exercise file, and the other way round.
        Files.writeString(csv, "student,exercise,submitted_at\nalice,SafeCounter,2026-10-05T21:00:00Z\nbob,2026-10-05T21:00:00Z\n");
        assertEquals("submissions.csv: line 3: 2 cells, expected 3 (student,exercise,submitted_at), as the first row says:"
                        + " every row has the first row's columns (one file cannot mix student,submitted_at and student,exercise,submitted_at rows)",
                assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage());
        Files.writeString(csv, "student,submitted_at\nbob,2026-10-05T21:00:00Z\nalice,SafeCounter,2026-10-05T21:00:00Z\n");
        assertTrue(assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage()
                .startsWith("submissions.csv: line 3: 3 cells, expected 2 (student,submitted_at), as the first row says"));
        // A header in another order or with another column names both formats.
        Files.writeString(csv, "student,submitted_at,exercise\nalice,2026-10-05T21:00:00Z,SafeCounter\n");
        assertEquals("submissions.csv: the first row must be student,submitted_at or student,exercise,submitted_at,"
                        + " not student,submitted_at,exercise",
                assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage());
        Files.writeString(csv, "student,exercise,submitted_at\nalice,SafeCounter,2026-10-05 21:00\n");
        assertTrue(assertThrows(CourseFileException.class, () -> ReceiveTimes.fromCsv(csv)).getMessage()
                .startsWith("submissions.csv: line 2: submitted_at must be ISO-8601 with an offset"));
    }

    @Test
    void feedbackSaysWhenEachExerciseWasReceived() {
        var t = StudentReceiveTimes.perExercise(java.util.Map.of(
                "SafeCounter", new ReceiveTime(Instant.parse("2026-10-05T21:00:00Z"), "the submission service"),
                "BoundedBuffer", new ReceiveTime(Instant.parse("2026-10-06T08:00:00Z"), "the submission service")));
        assertEquals("Received SafeCounter 2026-10-05T21:00:00Z, BoundedBuffer 2026-10-06T08:00:00Z (from the submission service);"
                + " no receive time is known for Memoizer: no late penalty applies to it.",
                t.line(List.of("SafeCounter", "BoundedBuffer", "Memoizer")));
        assertEquals("Received 2026-10-05T21:00:00Z (from x).",
                StudentReceiveTimes.same(new ReceiveTime(Instant.parse("2026-10-05T21:00:00Z"), "x")).line(List.of("SafeCounter")));
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
