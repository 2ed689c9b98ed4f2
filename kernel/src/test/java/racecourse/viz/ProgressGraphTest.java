package racecourse.viz;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProgressGraphTest {
    static ProgressGraph counter() {
        return new ProgressGraph("Thread 1", List.of("H1", "L1", "U1", "S1", "T1"),
                "Thread 2", List.of("H2", "L2", "U2", "S2", "T2")).unsafe(1, 3, 1, 3);
    }

    static String subtitle(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitle(0)).getText();
    }

    @Test
    void oneThreadsCriticalSectionBeforeTheOthersIsSafe() throws Exception {
        ProgressGraph g = counter().trajectory(1, 1, 1, 1, 2, 2, 2, 2, 1, 2);
        assertFalse(g.enteredUnsafe());
        JFreeChart chart = g.chart("Safe");
        assertTrue(subtitle(chart).contains("stayed out of the unsafe region"), subtitle(chart));
        Png.render(chart);
    }

    @Test
    void interleavedLoadsEnterTheUnsafeRegion() throws Exception {
        // CS:APP fig. 12.22(b): H1 L1 H2 L2 ... both threads loaded cnt before either stored it.
        ProgressGraph g = counter().trajectory(1, 1, 2, 2);
        assertTrue(g.enteredUnsafe());
        assertArrayEquals(new int[]{2, 2}, g.points().get(4));
        JFreeChart chart = g.chart("Unsafe");
        assertTrue(subtitle(chart).contains("ENTERED the unsafe region"), subtitle(chart));
        Png.render(chart);
    }

    @Test
    void theRegionsPerimeterIsNotInside() {
        // Thread 1 stored (S1 done: 4) before thread 2 loaded: the path runs along the edge.
        assertFalse(counter().trajectory(1, 1, 1, 1, 2, 2, 2, 2).enteredUnsafe());
        // Thread 1 loaded (2), thread 2 only did H2 (1): on the edge, still safe.
        assertFalse(counter().trajectory(1, 1, 2).enteredUnsafe());
        // A one-instruction critical section has no inside: an atomic step cannot race.
        ProgressGraph atomic = new ProgressGraph("A", List.of("H", "X", "T"), "B", List.of("H", "X", "T"))
                .unsafe(1, 1, 1, 1).trajectory(1, 2, 1, 2, 1, 2);
        assertFalse(atomic.enteredUnsafe());
    }

    @Test
    void twoLocksInOppositeOrderHaveADeadlockRegion() throws Exception {
        ProgressGraph g = new ProgressGraph("Thread 1", List.of("P(s)", "P(t)", "V(s)", "V(t)"),
                "Thread 2", List.of("P(t)", "P(s)", "V(t)", "V(s)"))
                .forbidden("s", 0, 2, 1, 3)
                .forbidden("t", "P(t)", "V(t)", "P(t)", "V(t)"); // = 1, 3, 0, 2
        boolean[][] doomed = g.deadlockStates();
        assertTrue(doomed[1][1], "each holds one lock and wants the other");
        int count = 0;
        for (boolean[] row : doomed) {
            for (boolean d : row) {
                count += d ? 1 : 0;
            }
        }
        assertEquals(1, count);
        g.trajectory(1, 1, 1, 1, 2, 2, 2, 2);
        assertFalse(g.enteredDeadlock());
        assertFalse(g.enteredForbidden());
        assertTrue(subtitle(g.chart("Lucky")).contains("stayed out of the deadlock region"));
        g.clearTrajectory().trajectory(1, 2);
        assertTrue(g.enteredDeadlock());
        JFreeChart chart = g.chart("Deadlock");
        assertTrue(subtitle(chart).contains("deadlock region"), subtitle(chart));
        Png.render(chart);
    }

    @Test
    void twoRealThreadsRecordACompleteTrajectory() throws Exception {
        ProgressGraph g = counter();
        CyclicBarrier start = new CyclicBarrier(2);
        Thread[] ts = new Thread[2];
        for (int t = 1; t <= 2; t++) {
            int me = t;
            ts[t - 1] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
                for (int k = 0; k < 5; k++) {
                    g.step(me);
                }
            });
            ts[t - 1].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        List<int[]> points = g.points();
        assertEquals(11, points.size());
        assertArrayEquals(new int[]{5, 5}, points.get(10));
        Png.render(g.chart("Two real threads"));
    }

    @Test
    void misuseIsExplained() {
        ProgressGraph g = counter();
        assertThrows(IllegalArgumentException.class, () -> g.step(3));
        assertThrows(IllegalArgumentException.class, () -> g.unsafe(2, 7, 1, 3));
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
                () -> g.unsafe("L1", "S2", "L2", "S2"));
        assertTrue(named.getMessage().contains("thread 1 has no instruction \"S2\""), named.getMessage());
        assertTrue(counter().unsafe("L1", "S1", "L2", "S2").trajectory(1, 1, 2, 2).enteredUnsafe());
        g.trajectory(1, 1, 1, 1, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.step(1));
        assertTrue(e.getMessage().contains("thread 1"), e.getMessage());
    }
}
