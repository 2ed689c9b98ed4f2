package racecourse.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellPartsTest {
    @Test
    void codeOnlyIsOnePartStartingAtItsFirstLine() {
        List<CellParts.Part> parts = CellParts.parse("\n\nint x = 1;\nx");
        assertEquals(List.of(new CellParts.Code("int x = 1;\nx", 3)), parts);
    }

    @Test
    void lineMagicsSplitCodeAndKeepLines() {
        List<CellParts.Part> parts = CellParts.parse("int a = 1;\n%time a++;\nint b = 2;");
        assertEquals(List.of(new CellParts.Code("int a = 1;", 1), new CellParts.LineMagic("time", "a++;", 2),
                new CellParts.Code("int b = 2;", 3)), parts);
    }

    @Test
    void cellMagicOwnsTheRestOfTheCell() {
        List<CellParts.Part> parts = CellParts.parse("%%javac  -g\npackage p;\n%not a magic here");
        assertEquals(List.of(new CellParts.CellMagic("javac", "-g", "package p;\n%not a magic here", 2)), parts);
    }

    @Test
    void modulusInsideALineIsCode() {
        List<CellParts.Part> parts = CellParts.parse("int r = 7 % 3;");
        assertEquals(List.of(new CellParts.Code("int r = 7 % 3;", 1)), parts);
    }

    @Test
    void emptyAndBlankCellsHaveNoParts() {
        assertTrue(CellParts.parse("").isEmpty());
        assertTrue(CellParts.parse("  \n\t\n").isEmpty());
    }

    @Test
    void firstLineShiftsEveryPart() {
        assertEquals(List.of(new CellParts.Code("x", 5)), CellParts.parse("x", 5));
    }

    @Test
    void hugeCellIsParsedWithoutTrouble() {
        String big = "int v = 0;\n".repeat(50_000);
        List<CellParts.Part> parts = CellParts.parse(big);
        assertEquals(1, parts.size());
        assertEquals(big.strip(), ((CellParts.Code) parts.get(0)).text());
    }
}
