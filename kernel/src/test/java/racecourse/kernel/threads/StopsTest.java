package racecourse.kernel.threads;

import org.junit.jupiter.api.Test;
import racecourse.kernel.Cell;
import racecourse.kernel.CellAdapter;
import racecourse.kernel.output.CellRouting;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopsTest {
    @Test
    void aStoppedCellsCodeStopsAndOnceItsThreadsEndedChecksAreOneReadAgain() {
        Cell stopped = new CellAdapter() { };
        Cell later = new CellAdapter() { };
        Stops.stop(stopped);
        assertTrue(Stops.checking(), "right after a stop, checks must look at the cell");
        assertTrue(Stops.isStopped(stopped));
        assertFalse(Stops.isStopped(later));
        CellRouting.bind(stopped);
        try {
            assertThrows(CellStopped.class, Stops::check);
        } finally {
            CellRouting.unbind();
        }
        Stops.settle(true); // a thread of the stopped cell is still alive
        assertTrue(Stops.checking());
        Stops.settle(false);
        assertFalse(Stops.checking(), "with no stopped code alive, later cells' loops must not pay for the stop");
        CellRouting.bind(later);
        try {
            assertDoesNotThrow(Stops::check);
        } finally {
            CellRouting.unbind();
        }
        assertTrue(Stops.isStopped(stopped), "the cell itself stays stopped");
    }

    @Test
    void aStoppedThreadKeepsChecksOnUntilItEnds() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Stops.stop(t);
        Stops.settle(false);
        assertTrue(Stops.checking(), "a stopped thread still alive keeps the checks on");
        release.countDown();
        t.join(5_000);
        Stops.settle(false);
        assertFalse(Stops.checking());
    }
}
