package racecourse.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourcePointerTest {
    @Test
    void caretSitsUnderTheColumnOfTheRightLine() {
        String src = "int a = 1;\nint b = a + missing;";
        int offset = src.indexOf("missing");
        List<String> lines = SourcePointer.lines("cell [3] line 2", "cannot find symbol\n  symbol: variable missing",
                src, offset);
        assertEquals("cell [3] line 2: error: cannot find symbol", lines.get(0));
        assertEquals("    int b = a + missing;", lines.get(1));
        assertEquals(lines.get(1).indexOf("missing"), lines.get(2).indexOf('^'));
        assertEquals("  symbol: variable missing", lines.get(3));
    }

    @Test
    void tabsAreKeptSoTheCaretAlignsInAnyFrontEnd() {
        assertEquals("\t\t ^", SourcePointer.caret("\t\tx y", 3));
    }

    @Test
    void offsetsOutsideTheSourceAreClamped() {
        List<String> lines = SourcePointer.lines("cell [1] line 1", "oops", "abc", 99);
        assertEquals("    abc", lines.get(1));
        assertEquals("       ^", lines.get(2));
        assertEquals(1, SourcePointer.lineOf("", 5));
        assertEquals(3, SourcePointer.lineOf("a\nb\nc", 4));
    }
}
