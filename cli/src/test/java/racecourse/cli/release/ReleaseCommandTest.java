package racecourse.cli.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseCommandTest {
    private static final String SOLUTION = """
            package exercises;

            public final class Foo {
                public int f() {
                    // BEGIN SOLUTION (throw)
                    return 42;
                    // END SOLUTION
                }
            }
            """;

    private record Run(int status, String out, String err) {
    }

    private static Run release(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "release";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = cl.execute(all);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void writesSkeletonsAndCheckThenPasses(@TempDir Path dir) throws Exception {
        Path sol = Files.createDirectories(dir.resolve("sol"));
        Path out = dir.resolve("out");
        Files.writeString(sol.resolve("Foo.java"), SOLUTION);
        Files.writeString(sol.resolve("notes.txt"), "not java");

        Run check = release("--solutions", sol.toString(), "--out", out.toString(), "--check");
        assertEquals(1, check.status(), check.toString());
        assertTrue(check.out().contains("out of date: " + out.resolve("Foo.java")), check.out());
        assertFalse(Files.exists(out), "--check wrote something");

        Run write = release("--solutions", sol.toString(), "--out", out.toString());
        assertEquals(0, write.status(), write.toString());
        String skeleton = Files.readString(out.resolve("Foo.java"));
        assertEquals(SkeletonGenerator.generate("Foo.java", SOLUTION), skeleton);
        assertFalse(skeleton.contains("42"));
        assertFalse(Files.exists(out.resolve("notes.txt")));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "temporary files were left behind");
        }

        Run again = release("--solutions", sol.toString(), "--out", out.toString(), "--check");
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("up to date"), again.out());
    }

    @Test
    void checkReportsAnEditedSkeletonAndWritesNothing(@TempDir Path dir) throws Exception {
        Path sol = Files.createDirectories(dir.resolve("sol"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(sol.resolve("Foo.java"), SOLUTION);
        Files.writeString(out.resolve("Foo.java"), "stale");
        Run check = release("--solutions", sol.toString(), "--out", out.toString(), "--check");
        assertEquals(1, check.status());
        assertTrue(check.out().contains("Foo.java"), check.out());
        assertEquals("stale", Files.readString(out.resolve("Foo.java")));
    }

    @Test
    void removesSkeletonsWhoseSolutionIsGoneButKeepsOtherFiles(@TempDir Path dir) throws Exception {
        Path sol = Files.createDirectories(dir.resolve("sol"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(sol.resolve("Foo.java"), SOLUTION);
        Files.writeString(out.resolve("Old.java"), SkeletonGenerator.generate("Old.java", SOLUTION));
        Files.writeString(out.resolve("Handwritten.java"), "class Handwritten {}");
        Files.writeString(out.resolve("Foo.md"), "statement");

        Run check = release("--solutions", sol.toString(), "--out", out.toString(), "--check");
        assertEquals(1, check.status());
        assertTrue(check.out().contains("no solution any more: " + out.resolve("Old.java")), check.out());

        assertEquals(0, release("--solutions", sol.toString(), "--out", out.toString()).status());
        assertFalse(Files.exists(out.resolve("Old.java")));
        assertTrue(Files.exists(out.resolve("Handwritten.java")));
        assertEquals("statement", Files.readString(out.resolve("Foo.md")));
    }

    @Test
    void refusesToPublishASolutionWithoutRegions(@TempDir Path dir) throws Exception {
        Path sol = Files.createDirectories(dir.resolve("sol"));
        Path out = dir.resolve("out");
        Files.writeString(sol.resolve("Foo.java"), SOLUTION);
        Files.writeString(sol.resolve("Leak.java"), "public class Leak { int answer() { return 42; } }");
        Run run = release("--solutions", sol.toString(), "--out", out.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("Leak.java has no // BEGIN SOLUTION region"), run.err());
        assertFalse(Files.exists(out.resolve("Foo.java")), "nothing may be written when one file fails");
    }

    @Test
    void badMarkersNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path sol = Files.createDirectories(dir.resolve("sol"));
        Files.writeString(sol.resolve("Bad.java"), "class Bad {\n// BEGIN SOLUTION\nint x;\n}\n");
        Run run = release("--solutions", sol.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains(sol.resolve("Bad.java") + ":2: BEGIN SOLUTION is never closed"), run.err());
    }

    @Test
    void aMissingSolutionsFolderIsAUserError(@TempDir Path dir) {
        Run run = release("--solutions", dir.resolve("nope").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no solutions folder"), run.err());
    }

    @Test
    void defaultsToTheRepositoryNamedByRacecourseHome(@TempDir Path dir) throws Exception {
        Path sol = Files.createDirectories(dir.resolve("solutions/src/main/java/exercises"));
        Files.writeString(sol.resolve("Foo.java"), SOLUTION);
        String old = System.getProperty(ReleaseCommand.HOME_PROPERTY);
        System.setProperty(ReleaseCommand.HOME_PROPERTY, dir.toString());
        try {
            assertEquals(0, release().status());
        } finally {
            if (old == null) {
                System.clearProperty(ReleaseCommand.HOME_PROPERTY);
            } else {
                System.setProperty(ReleaseCommand.HOME_PROPERTY, old);
            }
        }
        assertTrue(Files.exists(dir.resolve("exercises/Foo.java")));
    }
}
