package racecourse.cli.regrade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --course on every command that takes it: a bad file is one line and exit 2 with nothing graded or written. */
class CourseCommandsTest {
    static final Path HOME = Path.of(System.getProperty("racecourse.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aBadCourseFileStopsEveryCommandInOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("course.toml"), "title = \"x\"\n[late]\npercent_per_day = -5\n");
        Path sub = Files.createDirectories(dir.resolve("root/alice"));
        Files.writeString(sub.resolve("SafeCounter.java"), Files.readString(HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java")));
        Files.createDirectories(dir.resolve("done/.racecourse"));
        Path out = dir.resolve("out");
        for (List<String> args : List.of(
                List.of("grade", sub.toString(), "--out", out.toString(), "--quiet"),
                List.of("check", sub.resolve("SafeCounter.java").toString()),
                List.of("regrade", dir.resolve("root").toString(), "--out", out.toString()),
                List.of("merge", dir.resolve("done").toString(), "--out", out.toString()),
                List.of("rescore", dir.resolve("done").toString()),
                List.of("export", dir.resolve("done").toString(), "--format", "canvas", "--to", out.toString()),
                List.of("gradescope-bundle", "--out", out.resolve("autograder.zip").toString()))) {
            List<String> withCourse = new java.util.ArrayList<>(args);
            withCourse.addAll(List.of("--course", bad.toString()));
            Run r = run(withCourse.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), args + ": " + r.err());
            assertTrue(r.err().contains("course.toml: late.percent_per_day: must be a percentage from 0 to 100, not -5"), r.err());
            assertFalse(Files.exists(out), args + " wrote " + out);
        }
    }

    @Test
    void aBadSubmissionsCsvStopsTheRegradeBeforeGrading() throws Exception {
        Path course = Files.writeString(dir.resolve("course.toml"), "time_zone = \"UTC\"\nexercises = [\"SafeCounter\"]\n");
        Path root = Files.createDirectories(dir.resolve("root/alice"));
        Files.writeString(dir.resolve("root/submissions.csv"), "student,submitted_at\nalice,2026-10-05 23:00\n");
        Run r = run("regrade", root.getParent().toString(), "--out", dir.resolve("out").toString(), "--course", course.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().strip().endsWith("submissions.csv: line 2: submitted_at must be ISO-8601 with an offset, "
                + "e.g. 2026-10-05T23:59:00+02:00, not \"2026-10-05 23:00\""), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anExerciseOutsideTheCourseIsRefusedBeforeGrading() throws Exception {
        Path course = Files.writeString(dir.resolve("course.toml"), "exercises = [\"SafeCounter\", \"Pipeline\"]\n");
        Path root = Files.createDirectories(dir.resolve("root/alice"));
        Path out = dir.resolve("out");
        Run r = run("grade", root.toString(), "--exercise", "BoundedBuffer", "--out", out.toString(), "--course", course.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--exercise BoundedBuffer: the course does not grade it (its exercises: SafeCounter, Pipeline)"), r.err());
        r = run("regrade", root.getParent().toString(), "--exercise", "SafeCounter", "--out", out.toString(), "--course", course.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("with --course, regrade every exercise of the course (leave out --exercise): SafeCounter, Pipeline"), r.err());
        assertFalse(Files.exists(out));
    }

    /** grade and check of the reference SafeCounter under a 20-point course with a deadline and no receive time. */
    @Test
    void gradeAndCheckScaleToTheCoursesPointsAndSayWhenNoReceiveTimeIsKnown() throws Exception {
        Path course = Files.writeString(dir.resolve("course.toml"), "time_zone = \"UTC\"\nexercises = [\"SafeCounter\"]\n"
                + "[late]\npercent_per_day = 10\n[exercise.SafeCounter]\npoints = 20\ndeadline = 2020-01-01T00:00:00\n");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("SafeCounter.java"), Files.readString(HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java")));
        Run r = run("grade", sub.toString(), "--out", dir.resolve("g").toString(), "--seed", "3", "--course", course.toString());
        assertEquals(0, r.status(), r.err());
        var json = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("g/results.json"))).getAsJsonObject();
        assertEquals(20.0, json.get("score").getAsDouble(), json.toString());
        var c = json.getAsJsonObject("extra_data").getAsJsonObject("course").getAsJsonObject("exercises").getAsJsonObject("SafeCounter");
        assertEquals("receive time unknown: no late penalty", c.get("note").getAsString());
        assertTrue(json.get("output").getAsString().contains("SafeCounter: receive time unknown: no late penalty"), json.toString());
        double max = 0;
        for (var t : json.getAsJsonArray("tests")) {
            max += t.getAsJsonObject().get("max_score").getAsDouble();
        }
        assertEquals(20.0, max, 0.01, "per-test scores are rounded to 4 places, as without a course");
        assertTrue(r.out().contains("Course score: SafeCounter 20/20."), r.out());
        // feedback.md, printed and written, counts in the course's points.
        String feedback = Files.readString(dir.resolve("g/feedback.md"));
        assertTrue(feedback.contains("Score: **20 / 20**"), feedback);
        assertTrue(feedback.contains("No receive time is known: no late penalty applies."), feedback);
        assertTrue(r.out().contains("| SafeCounter | 20 / 20 |"), r.out());
        r = run("check", sub.resolve("SafeCounter.java").toString(), "--seed", "3", "--course", course.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Course score: SafeCounter 20/20."), r.out());
    }

    /** One real regrade (two students, SafeCounter, child JVMs), then a rescore under a later deadline. */
    @Test
    void regradeTakesReceiveTimesFromSubmissionsCsvAndRescoreChangesDeadlines() throws Exception {
        String reference = Files.readString(HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java"));
        Path root = dir.resolve("root");
        for (String s : List.of("alice", "bob")) {
            Files.createDirectories(root.resolve(s));
            Files.writeString(root.resolve(s).resolve("SafeCounter.java"), reference);
        }
        Files.writeString(root.resolve("submissions.csv"), "student,submitted_at\nalice,2026-10-06T01:00:00+02:00\n");
        String course = "time_zone = \"Europe/Berlin\"\nexercises = [\"SafeCounter\"]\n[late]\npercent_per_day = 10\n"
                + "[exercise.SafeCounter]\npoints = 20\ndeadline = %s\n";
        Path courseFile = Files.writeString(dir.resolve("course.toml"), course.formatted("2026-10-05T23:59:00"));
        Path out = dir.resolve("out");
        Run r = run("regrade", root.toString(), "--out", out.toString(), "--jobs", "2", "--course", courseFile.toString());
        assertEquals(0, r.status(), r.err());
        List<String> csv = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8).lines().toList();
        assertEquals("\uFEFF\"student\",\"SafeCounter raw\",\"SafeCounter hours late\",\"SafeCounter penalty %\",\"SafeCounter\",\"total\",\"review\"",
                csv.get(0));
        assertEquals("\"alice\",20,1.02,10,18,18,\"\"", csv.get(1));
        assertEquals("\"bob\",20,,0,20,20,\"no receive time known: no late penalty (SafeCounter)\"", csv.get(2));
        String alice = Files.readString(out.resolve("alice/feedback.md"));
        assertTrue(alice.contains("| SafeCounter | 18 / 20 | 10 % |"), alice);
        assertTrue(alice.contains("received 1.02 h after the deadline: 10 % late penalty."), alice);

        // export --course: the LMS file has the course's points and final scores (alice's 10 % late
        // penalty), the gradebook's and the service's; without --course, the course OUT remembers.
        Path roster = Files.writeString(dir.resolve("roster.csv"),
                "id,name,email,section,sis_id\nalice,Alice A,al@x,1,S1\nbob,Bob B,bob@x,1,S2\ncarol,Carol C,c@x,2,S3\n");
        Path canvas = dir.resolve("canvas.csv");
        r = run("export", out.toString(), "--format", "canvas", "--roster", roster.toString(), "--course", courseFile.toString(),
                "--to", canvas.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("final scores under " + courseFile), r.out());
        String expected = "\"Student\",\"ID\",\"SIS User ID\",\"SIS Login ID\",\"Section\",\"SafeCounter\"\r\n"
                + "\"    Points Possible\",\"\",\"\",\"\",\"\",20\r\n"
                + "\"Alice A\",\"\",\"S1\",\"al@x\",\"1\",18\r\n"
                + "\"Bob B\",\"\",\"S2\",\"bob@x\",\"1\",20\r\n"
                + "\"Carol C\",\"\",\"S3\",\"c@x\",\"2\",\r\n";
        assertEquals(expected, Files.readString(canvas, StandardCharsets.UTF_8));
        Files.delete(canvas);
        r = run("export", out.toString(), "--format", "canvas", "--roster", roster.toString(), "--to", canvas.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("final scores under " + courseFile.toAbsolutePath().normalize()), r.out());
        assertEquals(expected, Files.readString(canvas, StandardCharsets.UTF_8));
        r = run("export", out.toString(), "--format", "csv", "--roster", roster.toString(), "--course", courseFile.toString(),
                "--to", canvas.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(canvas).contains("\"alice\",\"Alice A\",\"al@x\",\"1\",\"S1\",18,18\r\n"), Files.readString(canvas));
        // A course grading an exercise the regrade did not: refused, nothing written.
        Path other = Files.writeString(dir.resolve("other.toml"), "exercises = [\"SafeCounter\", \"Pipeline\"]\n");
        r = run("export", out.toString(), "--format", "moodle", "--roster", roster.toString(), "--course", other.toString(),
                "--to", dir.resolve("m.csv").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("the course grades Pipeline but the regrade in " + out + " did not"), r.err());
        assertFalse(Files.exists(dir.resolve("m.csv")));

        Files.writeString(courseFile, course.formatted("2026-10-06T08:00:00"));
        r = run("rescore", out.toString(), "--course", courseFile.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2 students re-scored"), r.out());
        assertEquals("\"alice\",20,0,0,20,20,\"\"", Files.readString(out.resolve("gradebook.csv")).lines().toList().get(1));
        assertTrue(Files.readString(out.resolve("alice/feedback.md")).contains("| SafeCounter | 20 / 20 |  |"));

        // A review rewrites the gradebook; it keeps the course's columns (OUT remembers the course file).
        r = run("review", out.toString(), "bob", "SafeCounter", "--confirm", "0", "--note", "asked by bob");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Gradebook re-scored under " + courseFile.toAbsolutePath().normalize()), r.out());
        List<String> after = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8).lines().toList();
        assertEquals(csv.get(0), after.get(0));
        assertEquals("\"alice\",20,0,0,20,20,\"\"", after.get(1));
        String bob = Files.readString(out.resolve("bob/feedback.md"));
        assertTrue(bob.contains("| SafeCounter | 20 / 20 |") && bob.contains("asked by bob"), bob);
    }
}
