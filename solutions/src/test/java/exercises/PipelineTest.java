package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PipelineTest {
    @Test
    void rejectsEmptyPipelinesAndCommands() {
        assertThrows(IllegalArgumentException.class, () -> Pipeline.run(List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.run(List.of(List.of("cat"), List.of()), ""));
    }

    @Test
    void oneCommand() throws Exception {
        assertEquals("héllo ✓\n", Pipeline.run(List.of(List.of("cat")), "héllo ✓\n"));
        assertEquals("", Pipeline.run(List.of(List.of("cat")), ""));
    }

    @Test
    void connectsTheCommands() throws Exception {
        String out = Pipeline.run(List.of(List.of("sort"), List.of("uniq", "-c"), List.of("sort", "-rn"),
                List.of("head", "-n", "1")), "b\na\nb\nc\nb\na\n");
        assertEquals("3 b", out.strip());
    }

    @Test
    void yesHeadTerminates() throws Exception {
        assertEquals("y\n", Pipeline.run(List.of(List.of("yes"), List.of("head", "-n", "1")), ""));
    }

    @Test
    void neverDeadlocksOnLargeInputAndOutput() throws Exception {
        String line = "0123456789abcdefghijklmnopqrstuvwxyz\n";
        String input = line.repeat(300_000);                 // about 11 MB, far beyond pipe buffers
        String out = Pipeline.run(List.of(List.of("cat"), List.of("cat")), input);
        assertEquals(input.length(), out.length());
        assertTrue(out.equals(input));
    }

    @Test
    void theStatusIsTheLastCommands() throws Exception {
        assertEquals("", Pipeline.run(List.of(List.of("false"), List.of("cat")), "ignored"));
        IOException e = assertThrows(IOException.class,
                () -> Pipeline.run(List.of(List.of("cat"), List.of("sh", "-c", "cat >/dev/null; exit 3")), "x"));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertTrue(e.getMessage().contains("sh"), "the message must name the command: " + e.getMessage());
    }

    @Test
    void stderrIsDiscarded() throws Exception {
        assertEquals("out\n", Pipeline.run(List.of(List.of("sh", "-c", "echo err >&2; echo out")), ""));
    }

    @Test
    void aMissingProgramIsAnIOException() {
        assertThrows(IOException.class,
                () -> Pipeline.run(List.of(List.of("cat"), List.of("no-such-program-racecourse")), "x"));
    }

    @Test
    void allCommandsRunAtOnce() throws Exception {
        // The first command only ends once the second has started and signalled through a FIFO-free
        // channel: the second writes its output only after reading the first's first line, and the
        // first waits on its input, which only closes at the end. Run one after the other, this hangs.
        String out = Pipeline.run(List.of(List.of("sh", "-c", "echo start; cat"), List.of("head", "-n", "1")), "");
        assertEquals("start\n", out);
    }
}
