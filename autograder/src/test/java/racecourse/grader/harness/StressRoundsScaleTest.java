package racecourse.grader.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's rounds factor: off by default, scales and rounds when set, refuses nonsense. */
class StressRoundsScaleTest {
    @AfterEach
    void unset() {
        System.clearProperty(Stress.ROUNDS_SCALE);
    }

    private static int roundsRun(int rounds) throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Stress.rounds(rounds, r -> ran.incrementAndGet());
        return ran.get();
    }

    @Test
    void unsetLeavesTheRoundsAsWritten() throws Exception {
        assertEquals(12, roundsRun(12));
    }

    @Test
    void aFactorScalesRoundsAndNeverGoesBelowOne() throws Exception {
        System.setProperty(Stress.ROUNDS_SCALE, "0.5");
        assertEquals(6, roundsRun(12));
        System.setProperty(Stress.ROUNDS_SCALE, "2");
        assertEquals(24, roundsRun(12));
        System.setProperty(Stress.ROUNDS_SCALE, "0.05");
        assertEquals(1, roundsRun(12));
    }

    @Test
    void aBadFactorIsAOneLineError() {
        for (String bad : new String[] {"abc", "0", "-1", "NaN", "Infinity"}) {
            System.setProperty(Stress.ROUNDS_SCALE, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> roundsRun(3));
            assertTrue(e.getMessage().contains(Stress.ROUNDS_SCALE) && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
