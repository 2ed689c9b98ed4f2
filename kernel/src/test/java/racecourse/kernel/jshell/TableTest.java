package racecourse.kernel.jshell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableTest {
    @Test
    void columnsAlign() {
        List<String> lines = Table.format(List.of("thread", "holds"),
                List.<String[]>of(new String[] {"alice", "Object@1"}, new String[] {"bob-the-long", "x"}));
        assertEquals("  thread        holds", lines.get(0));
        assertEquals("  ------------  --------", lines.get(1));
        assertEquals("  alice         Object@1", lines.get(2));
        assertEquals("  bob-the-long  x", lines.get(3));
    }
}
