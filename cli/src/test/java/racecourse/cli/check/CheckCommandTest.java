package racecourse.cli.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @Test
    void checksOneFileAndPrintsVerdictsAndScoreWithExitZero(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("exercises")).resolve("SafeCounter.java");
        Files.writeString(file, """
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
        int status = cl.execute("check", file.toString(), "--seed", "9");
        assertEquals(0, status, out.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Checking SafeCounter from "), text);
        assertTrue(text.contains("FAIL") && text.contains("[race]"), text);
        assertTrue(text.contains("SafeCounter: ") && text.contains(" / 10 ("), text);
        assertTrue(text.contains("Seed 9"), text);
        // The instructor's CLI has the hidden suites on its class path: they run, and no note says otherwise.
        assertTrue(text.contains(" (hidden)"), text);
        assertTrue(!text.contains(racecourse.grader.harness.Suites.PUBLIC_ONLY), text);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "check writes no files");
        }
    }

    @Test
    void aFileThatIsNoExerciseIsAOneLineError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Nope.java"), "class Nope {}");
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("check", file.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("no exercise named Nope"), err.toString());
    }
}
