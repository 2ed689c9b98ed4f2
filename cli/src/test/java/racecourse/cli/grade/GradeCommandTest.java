package racecourse.cli.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeCommandTest {
    @Test
    void gradesAndWritesResultsAndFeedbackWithExitZero(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("SafeCounter.java"), """
                package exercises;
                public final class SafeCounter {
                    private long n;
                    public SafeCounter() { }
                    public void increment() { n++; }
                    public long get() { return n; }
                }
                """);
        StringWriter out = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        int status = cl.execute("grade", sub.toString(), "--exercise", "SafeCounter", "--out", dir.resolve("g").toString(), "--seed", "9");
        assertEquals(0, status, out.toString());
        String json = Files.readString(dir.resolve("g/results.json"));
        assertTrue(json.contains("\"verdict:race\"") && json.contains("\"exercise:SafeCounter\""), json);
        assertTrue(out.toString().contains("failed (race)"), out.toString());
        assertTrue(Files.readString(dir.resolve("g/feedback.md")).contains("Seed 9"));
        assertTrue(Files.readString(dir.resolve("g/feedback.html")).contains("Seed 9"));
        // The typed grading beside it, read back through the grader's one codec (what %grade reads).
        var typed = racecourse.results.GradingJson.read(Files.readString(dir.resolve("g/grading.json")));
        assertEquals(9, typed.seed());
        assertTrue(typed.exercises().get(0).tests().stream()
                .anyMatch(t -> t.verdict() == racecourse.results.Verdict.RACE), typed.toString());
    }

    @Test
    void aMissingSubmissionIsAOneLineError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("grade", dir.resolve("missing").toString(), "--quiet");
        assertEquals(2, status);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void aBadLincheckModeIsAOneLineErrorWithExitTwo(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("grade", sub.toString(), "--lincheck", "always", "--out", dir.resolve("g").toString(), "--quiet");
        assertEquals(2, status, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--lincheck must be off or explain, not 'always'"), err.toString());
        assertTrue(Files.notExists(dir.resolve("g")), "nothing may be graded or written");
    }

    @Test
    void jobsBelowOneIsAOneLineErrorWithExitTwo(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("grade", sub.toString(), "--jobs", "0", "--out", dir.resolve("g").toString(), "--quiet");
        assertEquals(2, status, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--jobs must be at least 1, not 0"), err.toString());
        assertTrue(Files.notExists(dir.resolve("g")), "nothing may be graded or written");
    }
}
