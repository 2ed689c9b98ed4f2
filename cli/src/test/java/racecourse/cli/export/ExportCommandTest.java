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
