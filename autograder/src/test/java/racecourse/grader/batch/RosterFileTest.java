package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** roster.csv: read strictly, every bad file a one-line error naming the line; matched to a regrade's ids. */
class RosterFileTest {
    static final String GOOD = "\uFEFFid,name,email,section,sis_id\r\n"
            + "alice,\"Doe, Jane \"\"JD\"\" Ørsted\",jane@u.edu,A,S1\r\n"
            + "bob,=HYPERLINK(\"x\"),bob@u.edu,B,\r\n"
            + "dave,Dave,dave@u.edu,B,S4\r\n";

    @Test
    void readsQuotedNamesAnyColumnOrderAndABom(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("roster.csv");
        Files.writeString(f, GOOD);
        RosterFile r = RosterFile.read(f);
        assertEquals(new RosterFile.Enrolled("alice", "Doe, Jane \"JD\" \u00d8rsted", "jane@u.edu", "A", "S1"), r.students().get(0));
        assertEquals("=HYPERLINK(\"x\")", r.students().get(1).name());
        assertEquals("", r.students().get(1).sisId());
        Files.writeString(f, "Email,ID,Section,Name\nx@y,carol,C,Carol\n");
        assertEquals(List.of(new RosterFile.Enrolled("carol", "Carol", "x@y", "C", "")), RosterFile.read(f).students());
    }

    @Test
    void badFilesGetOneLineNamingTheProblem(@TempDir Path dir) throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "empty");
        cases.put("id,name,email\nalice,A,a@x\n", "no column 'section'");
        cases.put("id,name,email,section,grade\n", "unknown column 'grade'");
        cases.put("id,name,email,section\n", "a header row and no students");
        cases.put("id,name,email,section\nalice,A,a@x,1\nAlice,B,b@x,1\n", "line 3: the id 'Alice' is also on line 2");
        cases.put("id,name,email,section\nalice,A,a@x,1\nbob,B,A@x,1\n", "line 3: the email 'A@x' is also on line 2");
        cases.put("id,name,email,section\n../etc,A,a@x,1\n", "line 2: the id '../etc' is a path");
        cases.put("id,name,email,section\n.git,A,a@x,1\n", "starts with a dot");
        cases.put("id,name,email,section\ngradebook.csv,A,a@x,1\n", "the name of an output file");
        cases.put("id,name,email,section\nalice,A,a@x\n", "line 2: 3 cells, the header has 4");
        cases.put("id,name,email,section\nalice,\"A,a@x,1\n", "not valid CSV");
        cases.put("id,name,email,section\n,A,a@x,1\n", "is empty");
        for (var c : cases.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RosterFile.parse("roster.csv", c.getKey()),
                    c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "id,name,email,section\nalice,J\u00f8rgen,a@x,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RosterFile.read(latin1)).getMessage().contains("not UTF-8"));
        Path huge = dir.resolve("huge.csv");
        try (var ch = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), RosterFile.MAX_BYTES);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RosterFile.read(huge)).getMessage().contains("too large"));
    }

    @Test
    void unknownIdsAndStudentsWithoutASubmissionAreListed() {
        RosterFile r = RosterFile.parse("roster.csv", GOOD);
        Manifest m = new Manifest(Manifest.FORMAT, "1/1", 7, 0, List.of("SafeCounter"), "v", "fp", List.of(
                new Manifest.Entry("Alice", "Alice/", null, Map.of()), new Manifest.Entry("zed", "zed.zip", "bad zip", Map.of())),
                List.of());
        RosterMatch match = RosterMatch.of(r, m);
        assertEquals("alice", match.bySubmission().get("Alice").id());
        assertEquals(List.of("zed"), match.unknown());
        assertEquals(List.of("bob", "dave"), match.missing().stream().map(RosterFile.Enrolled::id).toList());
        assertEquals(3, match.lines().size());
        String md = Summary.markdown(m, List.of(), match);
        assertTrue(md.contains("## Roster\n\n3 enrolled, 1 matched"), md);
        assertTrue(md.contains("- zed"), md);
        assertTrue(md.contains("- bob (=HYPERLINK(\"x\"), section B)"), md);
    }
}
