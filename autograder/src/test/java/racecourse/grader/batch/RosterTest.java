package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What ROOT holds, hostile names included: every entry is a student, a problem row, or an ignored line. */
class RosterTest {
    @Test
    void duplicatesReservedHiddenAndStrayEntries(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("alice"));
        Files.writeString(root.resolve("alice.zip"), "");
        Files.createDirectories(root.resolve("Bob"));
        Files.createDirectories(root.resolve("bob"));
        Files.createDirectories(root.resolve("gradebook.csv"));
        Files.createDirectories(root.resolve(".git"));
        Files.createDirectories(root.resolve("=HYPERLINK(x)"));
        Files.createDirectories(root.resolve("..x y \u00fc\u6f22"));
        Files.createDirectories(root.resolve("new\nline"));
        Files.writeString(root.resolve("notes.txt"), "");
        Files.writeString(root.resolve("weird.ZIP"), "");
        Roster r = Roster.of(root, root.resolve("out"));
        List<String> ids = r.students().stream().map(Roster.Student::id).toList();
        assertEquals(List.of("=HYPERLINK(x)", "Bob", "alice", "gradebook.csv", "new\nline", "weird"), ids);
        Roster.Student alice = r.students().get(2);
        assertTrue(alice.problem().contains("alice/ and alice.zip"), alice.problem());
        assertTrue(r.students().get(1).problem().contains("the same student twice"));
        assertTrue(r.students().get(3).problem().contains("would overwrite an output file"));
        assertNull(r.students().get(0).problem());
        assertTrue(r.ignored().contains("ignored .git: hidden"), r.ignored().toString());
        assertTrue(r.ignored().contains("ignored ..x y \u00fc\u6f22: hidden"), r.ignored().toString());
        assertTrue(r.ignored().contains("ignored notes.txt: not a folder or a .zip"), r.ignored().toString());
        assertEquals("new\\u000aline", Roster.printable("new\nline"));
    }

    @Test
    void theOutputFolderInsideRootIsNotAStudent(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("out"));
        Files.createDirectories(root.resolve("amy"));
        Roster r = Roster.of(root, root.resolve("out"));
        assertEquals(List.of("amy"), r.students().stream().map(Roster.Student::id).toList());
        assertEquals(List.of("ignored out: it is the output folder"), r.ignored());
    }
}
