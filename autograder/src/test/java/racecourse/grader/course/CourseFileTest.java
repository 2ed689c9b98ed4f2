package racecourse.grader.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseFileTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            title = "Concurrent Programming, Fall 2026"
            time_zone = "Europe/Berlin"
            exercises = ["BoundedBuffer", "SafeCounter"]
            points = 5
            hidden_details = "after-deadline"
            extensions = "extensions.csv"
            [late]
            percent_per_day = 10
            max_percent = 50
            grace_minutes = 15
            [exercise.BoundedBuffer]
            points = 20
            deadline = 2026-10-05T23:59:00
            weights = { "put blocks when full" = 3 }
            [exercise.SafeCounter]
            deadline = 2026-10-12T23:59:00-04:00
            """;

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryKey() throws IOException {
        write("extensions.csv", "student,exercise,deadline\nalice,BoundedBuffer,2026-10-07T23:59:00\nbob,all,2026-10-20T12:00:00+00:00\n");
        Course c = CourseFile.read(write("course.toml", GOOD));
        assertEquals("Concurrent Programming, Fall 2026", c.title());
        assertEquals(List.of("SafeCounter", "BoundedBuffer"), c.exercises(), "the catalog's order");
        assertEquals(20, c.plan("BoundedBuffer").points());
        assertEquals(5, c.plan("SafeCounter").points(), "the course's default points");
        assertEquals(3, c.plan("BoundedBuffer").weight("put blocks when full"));
        assertEquals(1, c.plan("BoundedBuffer").weight("another test"));
        assertEquals(ZonedDateTime.parse("2026-10-05T23:59+02:00[Europe/Berlin]"), c.plan("BoundedBuffer").deadline());
        assertEquals(ZonedDateTime.parse("2026-10-13T03:59Z").toInstant(), c.plan("SafeCounter").deadline().toInstant());
        assertEquals(new LatePolicy(10, 50, Duration.ofMinutes(15)), c.late());
        assertEquals(HiddenDetails.AFTER_DEADLINE, c.hiddenDetails());
        assertEquals(25, c.totalPoints());
        assertEquals(2, c.extensions().size());
    }

    @Test
    void anExtensionMovesTheDeadline() throws IOException {
        write("extensions.csv", "student,exercise,deadline\nalice,BoundedBuffer,2026-10-07T23:59:00\n"
                + "bob,all,2026-10-20T12:00:00+00:00\nbob,SafeCounter,2026-10-25T12:00:00\n");
        Course c = CourseFile.read(write("course.toml", GOOD));
        assertEquals(ZonedDateTime.parse("2026-10-07T23:59+02:00[Europe/Berlin]"), c.deadline("alice", "BoundedBuffer"));
        assertEquals(c.plan("SafeCounter").deadline(), c.deadline("alice", "SafeCounter"), "alice's extension is for BoundedBuffer only");
        assertEquals(ZonedDateTime.parse("2026-10-20T12:00Z").toInstant(), c.deadline("bob", "BoundedBuffer").toInstant(), "bob's all");
        assertEquals(ZonedDateTime.parse("2026-10-25T12:00+01:00[Europe/Berlin]"), c.deadline("bob", "SafeCounter"),
                "an exercise's row beats all");
        assertEquals(c.plan("BoundedBuffer").deadline(), c.deadline("carol", "BoundedBuffer"));
    }

    @Test
    void aMinimalFileGradesEveryExerciseForTenPointsWithoutDeadlines() throws IOException {
        Course c = CourseFile.read(write("course.toml", "title = \"x\"\n"));
        assertEquals(racecourse.grader.Catalog.EXERCISES, c.exercises());
        assertTrue(c.plans().values().stream().allMatch(p -> p.points() == 10 && p.deadline() == null));
        assertEquals(HiddenDetails.NEVER, c.hiddenDetails());
        assertTrue(c.extensions().isEmpty());
    }

    String error(String toml) throws IOException {
        write("extensions.csv", "student,exercise,deadline\n");
        CourseFileException e = assertThrows(CourseFileException.class, () -> CourseFile.read(write("course.toml", toml)));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("course.toml"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badFilesGetOneLineNamingTheKey() throws IOException {
        assertTrue(error("").contains("empty"));
        assertTrue(error("  \n\n").contains("empty"));
        assertTrue(error("title = \"unterminated\ntime_zone = 3\n").contains("not valid TOML"));
        assertTrue(error("title = \"a\"\ntitle = \"b\"\n").contains("not valid TOML"), "a duplicate key");
        assertTrue(error("title = \"a\"\npoint = 20\n").contains("point: unknown key"));
        assertTrue(error("[late]\npercent_per_day = 10\ngrace = 5\n").contains("late.grace: unknown key"));
        assertTrue(error("[exercise.BoundedBuffer]\ndeadlin = 2026-10-05T23:59:00\n").contains("exercise.BoundedBuffer.deadlin: unknown key"));
        assertTrue(error("title = 3\n").contains("title: must be a string"));
        assertTrue(error("points = \"ten\"\n").contains("points: must be a number"));
        assertTrue(error("[late]\npercent_per_day = \"10%\"\n").contains("late.percent_per_day: must be a number"));
        assertTrue(error("[late]\npercent_per_day = 150\n").contains("late.percent_per_day: must be a percentage"));
        assertTrue(error("exercises = \"BoundedBuffer\"\n").contains("exercises: must be a non-empty array"));
        assertTrue(error("exercises = [\"BoundedBufer\"]\n").contains("exercises: no exercise named \"BoundedBufer\""));
        assertTrue(error("time_zone = \"Mars/Olympus\"\n").contains("time_zone: no time zone \"Mars/Olympus\""));
        assertTrue(error("points = -1\n").contains("points: must be >= 0"));
        assertTrue(error("[exercise.SafeCounter]\npoints = -5\n").contains("exercise.SafeCounter.points: must be >= 0"));
        assertTrue(error("[exercise.SafeCounter]\ndeadline = 2026-10-05T23:59:00\n").contains("has no offset and the course has no time_zone"));
        assertTrue(error("[exercise.SafeCounter]\ndeadline = \"next friday\"\n").contains("exercise.SafeCounter.deadline: not a date-time"));
        assertTrue(error("exercises = [\"SafeCounter\"]\n[exercise.BoundedBuffer]\npoints = 3\n").contains("exercise.BoundedBuffer: is not in exercises"));
        assertTrue(error("hidden_details = \"sometimes\"\n").contains("hidden_details: must be \"never\" or \"after-deadline\""));
        assertTrue(error("[exercise.SafeCounter.weights]\nfirst = -1\n").contains("exercise.SafeCounter.weights.first: must be a number >= 0"));
        assertTrue(error("title = \"x\"\n# " + "x".repeat((int) CourseFile.MAX_BYTES) + "\n").contains("too big"));
    }

    @Test
    void badExtensionFilesGetOneLineNamingTheRow() throws IOException {
        String course = "time_zone = \"UTC\"\nextensions = \"extensions.csv\"\n";
        write("course.toml", course);
        for (var c : List.of(
                List.of("student,exercise,deadline\nalice,all,2026-10-07T23:59:00\nalice,all,2026-10-08T23:59:00\n",
                        "extensions.csv: line 3: a second extension for alice and all (the first is line 2)"),
                List.of("", "extensions.csv: the file is empty"),
                List.of("name,exercise,deadline\n", "extensions.csv: the first row must be student,exercise,deadline"),
                List.of("student,exercise,deadline\nalice,Nope,2026-10-07T23:59:00\n", "extensions.csv: line 2: exercise must be all or one of"),
                List.of("student,exercise,deadline\nalice,all,tomorrow\n", "extensions.csv: line 2: deadline: not a date-time"),
                List.of("student,exercise,deadline\nalice,all\n", "extensions.csv: line 2: 2 cells, expected 3"))) {
            write("extensions.csv", c.get(0));
            CourseFileException e = assertThrows(CourseFileException.class, () -> CourseFile.read(dir.resolve("course.toml")));
            assertTrue(e.getMessage().startsWith(c.get(1)), e.getMessage());
        }
        Files.delete(dir.resolve("extensions.csv"));
        assertTrue(assertThrows(CourseFileException.class, () -> CourseFile.read(dir.resolve("course.toml")))
                .getMessage().startsWith("no such file: "));
    }

    @Test
    void aMissingCourseFileIsOneLine() {
        assertEquals("no such course file: " + dir.resolve("nope.toml"),
                assertThrows(CourseFileException.class, () -> CourseFile.read(dir.resolve("nope.toml"))).getMessage());
    }

    @Test
    void noExtensionsKeyMeansNoExtensions() throws IOException {
        assertNull(CourseFile.read(write("course.toml", "time_zone = \"UTC\"\n")).plan("SafeCounter").deadline());
    }
}
