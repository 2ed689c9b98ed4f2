package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files Canvas and Moodle import, byte for byte, from a regrade's output and a roster. */
class LmsExportTest {
    static final List<String> EXERCISES = List.of("SafeCounter", "BoundedBuffer");

    /** A regrade output with alice (7.5 and 10), dave (0 and 2.5), zed (not on the roster); bob is enrolled with no submission. */
    static Path regradeOutput(Path out) throws Exception {
        RecordStore store = new RecordStore(out);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (var s : Map.of("alice", new int[] {3, 4}, "dave", new int[] {0, 1}, "zed", new int[] {4, 4}).entrySet()) {
            Map<String, String> keys = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                String x = EXERCISES.get(i);
                List<TestResult> tests = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tests.add(new TestResult(x, x + "#" + t, "t" + t, false, t < s.getValue()[i] ? null : Verdict.RACE, "m", 1));
                }
                store.write(new ExerciseRecord("k-" + x, s.getKey(), new ExerciseResult(x, 10, tests, true, 1, null), List.of(), true, List.of()));
                keys.put(x, "k-" + x);
            }
            entries.add(new Manifest.Entry(s.getKey(), s.getKey() + "/", null, keys));
        }
        entries.sort(java.util.Comparator.comparing(Manifest.Entry::id));
        new Manifest(Manifest.FORMAT, "1/1", 7, 0, EXERCISES, "v", "fp", entries, List.of()).write(out);
        Files.writeString(out.resolve("roster.csv"), RosterFileTest.GOOD);
        return out;
    }

    @Test
    void canvasMoodleAndCsvFiles(@TempDir Path dir) throws Exception {
        Path out = regradeOutput(dir.resolve("out"));
        Path to = dir.resolve("canvas.csv");
        RosterMatch match = LmsExport.write(out, LmsExport.Format.CANVAS, null, to).match();
        assertEquals(String.join("\r\n",
                "\"Student\",\"ID\",\"SIS User ID\",\"SIS Login ID\",\"Section\",\"SafeCounter\",\"BoundedBuffer\"",
                "\"    Points Possible\",\"\",\"\",\"\",\"\",10,10",
                "\"Doe, Jane \"\"JD\"\" \u00d8rsted\",\"\",\"S1\",\"jane@u.edu\",\"A\",7.50,10",
                "\"'=HYPERLINK(\"\"x\"\")\",\"\",\"\",\"bob@u.edu\",\"B\",,",
                "\"Dave\",\"\",\"S4\",\"dave@u.edu\",\"B\",0,2.50", ""), Files.readString(to, StandardCharsets.UTF_8));
        assertEquals(List.of("not on the roster: zed (graded; add them to the roster to export their grade)",
                "no submission: bob (=HYPERLINK(\"x\"), bob@u.edu)"), match.lines());

        LmsExport.write(out, LmsExport.Format.MOODLE, null, to);
        assertEquals(String.join("\r\n",
                "\"First name\",\"Last name\",\"ID number\",\"Email address\",\"SafeCounter\",\"BoundedBuffer\"",
                "\"Jane \"\"JD\"\" \u00d8rsted\",\"Doe\",\"S1\",\"jane@u.edu\",7.50,10",
                "\"'=HYPERLINK(\"\"x\"\")\",\"\",\"\",\"bob@u.edu\",,",
                "\"Dave\",\"\",\"S4\",\"dave@u.edu\",0,2.50", ""), Files.readString(to, StandardCharsets.UTF_8));

        LmsExport.write(out, LmsExport.Format.CSV, null, to);
        String csv = Files.readString(to, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF\"student\",\"name\",\"email\",\"section\",\"sis_id\",\"SafeCounter\",\"BoundedBuffer\",\"total\"\r\n"), csv);
        assertTrue(csv.contains("\r\n\"zed\",\"\",\"\",\"\",\"\",10,10,20\r\n"), csv);
        assertTrue(csv.contains("\r\n\"bob\",\"'=HYPERLINK(\"\"x\"\")\",\"bob@u.edu\",\"B\",\"\",,,\r\n"), csv);
    }

    @Test
    void reviewsRoundTripWithTheFormulaGuard(@TempDir Path dir) throws Exception {
        Path out = regradeOutput(dir.resolve("out"));
        Reviews.read(out).append(out, new Reviews.Review("2026-12-01T04:00:00Z", "=dave", "SafeCounter", 0, 10, 10, 7,
                List.of(8L, 9L), "=not a formula, \"quoted\""));
        assertTrue(Files.readString(out.resolve("reviews.csv")).contains(",\"'=not a formula, \"\"quoted\"\"\"\r\n"));
        Reviews.Review r = Reviews.read(out).reviews().get(0);
        assertEquals("=not a formula, \"quoted\"", r.note());
        assertEquals("=dave", r.student());
        assertEquals(List.of(8L, 9L), r.seeds());
        Files.writeString(out.resolve("reviews.csv"), "reviewed_at,student\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reviews.read(out)).getMessage().contains("not a reviews file"));
        Files.write(out.resolve("reviews.csv"), new byte[] {'a', (byte) 0xff, '\n'});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reviews.read(out)).getMessage().contains("not UTF-8"));
        Files.writeString(out.resolve("reviews.csv"), String.join(",", Reviews.HEADER) + "\nx,alice,SafeCounter,ten,10,10,7,,\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reviews.read(out)).getMessage().contains("is damaged"));
    }

    @Test
    void anEnrolledStudentWhoCouldNotBeGradedIsListed(@TempDir Path dir) throws Exception {
        Path out = regradeOutput(dir.resolve("out"));
        Manifest m = Manifest.read(out);
        List<Manifest.Entry> entries = new ArrayList<>(m.students());
        entries.add(new Manifest.Entry("bob", "bob.zip", "cannot read bob.zip", Map.of()));
        new Manifest(m.format(), m.shard(), m.seed(), m.confirm(), m.exercises(), m.graderVersion(), m.roster(), entries,
                m.ignored()).write(out);
        LmsExport.Written w = LmsExport.write(out, LmsExport.Format.MOODLE, null, dir.resolve("m.csv"));
        assertEquals(List.of("not on the roster: zed (graded; add them to the roster to export their grade)",
                "not graded, cells left empty: bob (not graded: cannot read bob.zip)"), w.lines());
        assertTrue(Files.readString(dir.resolve("m.csv")).contains("\"bob@u.edu\",,\r\n"));
    }

    /**
     * An exercise a student did not hand in is an empty cell, as the service writes it, not the 0
     * of gradebook.csv (docs/decisions.md); the plain CSV's total adds what there is.
     */
    @Test
    void anExerciseNotSubmittedIsAnEmptyCellNotAZero(@TempDir Path dir) throws Exception {
        Path out = regradeOutput(dir.resolve("out"));
        new RecordStore(out).write(new ExerciseRecord("k-BoundedBuffer", "dave", racecourse.grader.Grader.notSubmitted("BoundedBuffer"),
                List.of(), true, List.of()));
        Path to = dir.resolve("canvas.csv");
        LmsExport.write(out, LmsExport.Format.CANVAS, null, to);
        assertTrue(Files.readString(to).endsWith("\r\n\"Dave\",\"\",\"S4\",\"dave@u.edu\",\"B\",0,\r\n"), Files.readString(to));
        LmsExport.write(out, LmsExport.Format.CSV, null, to);
        String csv = Files.readString(to);
        assertTrue(csv.contains("\"dave@u.edu\",\"B\",\"S4\",0,,0\r\n"), csv);
        assertTrue(csv.contains("\"jane@u.edu\",\"A\",\"S1\",7.50,10,17.50\r\n"), csv);
    }

    @Test
    void badInputWritesNothing(@TempDir Path dir) throws Exception {
        Path out = regradeOutput(dir.resolve("out"));
        Path to = dir.resolve("keep.csv");
        Files.writeString(to, "precious");
        Path badRoster = Files.writeString(dir.resolve("bad.csv"), "id,name,email,section\nalice,A,a@x,1\nALICE,B,b@x,1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LmsExport.write(out, LmsExport.Format.CANVAS, badRoster, to))
                .getMessage().contains("line 3: the id 'ALICE' is also on line 2"));
        assertThrows(IllegalArgumentException.class, () -> LmsExport.write(out, LmsExport.Format.CANVAS, null, out.resolve("roster.csv")));
        assertThrows(IllegalArgumentException.class, () -> LmsExport.write(out, LmsExport.Format.CANVAS, null, out.resolve("gradebook.csv")));
        assertThrows(IllegalArgumentException.class, () -> LmsExport.Format.parse("blackboard"));
        assertEquals("precious", Files.readString(to));
        assertEquals(RosterFileTest.GOOD, Files.readString(out.resolve("roster.csv")));
        Files.delete(out.resolve("roster.csv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LmsExport.write(out, LmsExport.Format.MOODLE, null, to))
                .getMessage().startsWith("no roster"));
        assertFalse(Files.readString(to).contains("Email"));
    }
}
