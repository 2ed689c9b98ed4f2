package racecourse.grader.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Perturb.stall stops exactly the named thread at exactly its n-th point, and lets it go. */
class PerturbStallTest {
    @AfterEach
    void off() {
        Perturb.off();
    }

    /** Three points with a step counted after each, as instrumented code would run them. */
    private static Runnable threeSteps(AtomicInteger steps) {
        return () -> {
            for (int i = 0; i < 3; i++) {
                Perturb.point(i);
                steps.incrementAndGet();
            }
        };
    }

    @Test
    void stopsTheThreadAtItsNthPointOnlyUntilReleased() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Thread t = Thread.ofPlatform().daemon().unstarted(threeSteps(steps));
        Perturb.Stall stall = Perturb.stall(t, 2);
        AtomicInteger otherSteps = new AtomicInteger();
        Thread other = Thread.ofPlatform().daemon().start(threeSteps(otherSteps));
        t.start();
        assertTrue(stall.reached(Duration.ofSeconds(5)));
        other.join(5_000);
        assertEquals(3, otherSteps.get(), "another thread passes every point");
        t.join(100);
        assertTrue(t.isAlive(), "the stalled thread waits");
        assertEquals(1, steps.get(), "stopped at its second point, after one step");
        stall.release();
        t.join(5_000);
        assertEquals(3, steps.get());
        assertFalse(Perturb.enabled(), "perturbation was off before the stall, and is off after it");
    }

    @Test
    void aThreadWithFewerPointsIsNeverStopped() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Thread t = Thread.ofPlatform().daemon().unstarted(threeSteps(steps));
        Perturb.Stall stall = Perturb.stall(t, 4);
        t.start();
        assertFalse(stall.reached(Duration.ofSeconds(2)));
        t.join(5_000);
        assertEquals(3, steps.get());
        stall.release();
    }
}
