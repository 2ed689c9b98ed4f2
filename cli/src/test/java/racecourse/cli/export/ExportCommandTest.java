package racecourse.cli.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.cli.Main;
import racecourse.grader.batch.Manifest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export and regrade --roster on the command line: bad input is one line, exit 2, nothing written. */
class ExportCommandTest {
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void exportsAndListsWhoHasNoSubmission(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        new Manifest(Manifest.FORMAT, "1/1", 1, 0, List.of("SafeCounter"), "v", "fp", List.of(), List.of()).write(out);
        Path roster = Files.writeString(dir.resolve("roster.csv"), "id,name,email,section\nann,\"Ann, \"\"A\"\" \u00c9\",ann@x,1\n");
        Run r = run("export", out.toString(), "--format", "moodle", "--roster", roster.toString(), "--to", dir.resolve("m.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("export: no submission: ann (Ann, \"A\" \u00c9, ann@x)", r.err().strip());
        assertEquals("\"First name\",\"Last name\",\"ID number\",\"Email address\",\"SafeCounter\"\r\n"
                + "\"\"\"A\"\" \u00c9\",\"Ann\",\"\",\"ann@x\",\r\n", Files.readString(dir.resolve("m.csv")));
    }

    /** The whole path on the command line: regrade with a roster, export from the roster kept in OUT, review from the ROOT kept. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS)
    void regradeWithARosterThenExportThenReview(@TempDir Path dir) throws Exception {
        String reference = Files.readString(Path.of("../solutions/src/main/java/exercises/SafeCounter.java"));
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("alice"));
        Files.writeString(root.resolve("alice/SafeCounter.java"), reference);
        Files.createDirectories(root.resolve("zed"));
        Files.writeString(root.resolve("zed/SafeCounter.java"), reference);
        Path roster = Files.writeString(dir.resolve("roster.csv"),
                "id,name,email,section,sis_id\nalice,\"Lef\u00e8vre, Al \"\"Ace\"\"\",al@x,1,S1\nbob,Bob,bob@x,2,S2\n");
        Path out = dir.resolve("out");
        Run g = run("regrade", root.toString(), "--out", out.toString(), "--roster", roster.toString(), "--exercise", "SafeCounter",
                "--jobs", "2", "--seed", "7");
        assertEquals(0, g.status(), g.err());
        assertTrue(g.err().contains("regrade: roster: not on the roster: zed"), g.err());
        assertTrue(g.err().contains("regrade: roster: no submission: bob (Bob, bob@x)"), g.err());
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("2 enrolled, 1 matched") && summary.contains("- zed") && summary.contains("- bob (Bob, section 2)"), summary);

        Path canvas = dir.resolve("canvas.csv");
        Run e = run("export", out.toString(), "--format", "canvas", "--to", canvas.toString());
        assertEquals(0, e.status(), e.err());
        assertEquals("\"Student\",\"ID\",\"SIS User ID\",\"SIS Login ID\",\"Section\",\"SafeCounter\"\r\n"
                + "\"    Points Possible\",\"\",\"\",\"\",\"\",10\r\n"
                + "\"Lef\u00e8vre, Al \"\"Ace\"\"\",\"\",\"S1\",\"al@x\",\"1\",10\r\n"
                + "\"Bob\",\"\",\"S2\",\"bob@x\",\"2\",\r\n", Files.readString(canvas));

        Run v = run("review", out.toString(), "alice", "SafeCounter", "--confirm", "0", "--note", "regraded on request");
        assertEquals(0, v.status(), v.err());
        assertTrue(v.out().contains("10 → 10 / 10 (replayed seed 7)"), v.out());
        assertTrue(Files.readString(out.resolve("alice/feedback.html")).contains("regraded on request"));
    }

    @Test
    void badInputIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path bad = Files.writeString(dir.resolve("roster.csv"), "id,name,email,section\n../../x,A,a@x,1\n");
        Files.createDirectories(dir.resolve("root/amy"));
        Run r = run("regrade", dir.resolve("root").toString(), "--out", out.toString(), "--roster", bad.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("line 2: the id '../../x' is a path"), r.err());
        assertFalse(Files.exists(out), "nothing graded or written");

        Run e = run("export", dir.toString(), "--format", "canvas", "--to", dir.resolve("c.csv").toString());
        assertEquals(2, e.status(), e.err());
        assertTrue(e.err().contains("not the output of racecourse regrade"), e.err());
        Run f = run("export", dir.toString(), "--format", "blackboard", "--to", dir.resolve("c.csv").toString());
        assertEquals(2, f.status(), f.err());
        assertTrue(f.err().contains("--format wants canvas, moodle or csv"), f.err());
        assertFalse(Files.exists(dir.resolve("c.csv")));

        Path graded = Files.createDirectories(dir.resolve("graded"));
        new Manifest(Manifest.FORMAT, "1/1", 1, 0, List.of("SafeCounter"), "v", "fp", List.of(), List.of()).write(graded);
        Run v = run("review", graded.toString(), "../alice", "SafeCounter", "--note", "x");
        assertEquals(2, v.status(), v.err());
        assertEquals("racecourse review: no student '../alice' in " + graded, v.err().strip());
        assertFalse(Files.exists(graded.resolve("reviews.csv")));
    }
}
