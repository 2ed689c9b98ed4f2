package racecourse.kernel.jshell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellLimitsTest {
    @Test
    void noMagicMeansNoLimit() {
        CellLimits l = CellLimits.parse("int x = 1;");
        assertEquals(0, l.deadline());
        assertEquals("int x = 1;", l.body());
        assertEquals(1, l.firstLine());
    }

    @Test
    void unitsAreRead() {
        assertEquals(10_000_000_000L, CellLimits.parse("%%timeout 10s\nx").limitNanos());
        assertEquals(500_000_000L, CellLimits.parse("%%timeout 500ms\nx").limitNanos());
        assertEquals(120_000_000_000L, CellLimits.parse("%%timeout 2m\nx").limitNanos());
        assertEquals(1_500_000_000L, CellLimits.parse("%%timeout 1.5\nx").limitNanos());
        CellLimits l = CellLimits.parse("%%timeout 1s\nbody();");
        assertEquals("body();", l.body());
        assertEquals(2, l.firstLine());
        assertTrue(l.deadline() - System.nanoTime() > 0);
    }

    @Test
    void nonsenseIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellLimits.parse("%%timeout soon\nx"));
        assertTrue(e.getMessage().contains("duration"));
        assertThrows(IllegalArgumentException.class, () -> CellLimits.parse("%%timeout 0s\nx"));
        assertThrows(IllegalArgumentException.class, () -> CellLimits.parse("%%timeout 99999999s\nx"));
        assertThrows(IllegalArgumentException.class, () -> CellLimits.parse("%%timeout\nx"));
    }
}
