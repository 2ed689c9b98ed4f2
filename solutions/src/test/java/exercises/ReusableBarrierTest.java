package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReusableBarrierTest {
    @Test
    void rejectsFewerThanOneParty() {
        assertThrows(IllegalArgumentException.class, () -> new ReusableBarrier(0));
        assertThrows(IllegalArgumentException.class, () -> new ReusableBarrier(-1));
    }

    @Test
    void aBarrierForOneNeverWaits() throws Exception {
        ReusableBarrier b = new ReusableBarrier(1);
        for (int i = 0; i < 100; i++) {
            b.await();
        }
    }

    @Test
    void waitsForAllPartiesThenLetsThemAllGo() throws Exception {
        ReusableBarrier b = new ReusableBarrier(3);
        AtomicInteger passed = new AtomicInteger();
        List<Waits.Task<Void>> early = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            early.add(Waits.start("party-" + i, () -> {
                b.await();
                passed.incrementAndGet();
                return null;
            }));
        }
        for (Waits.Task<Void> t : early) {
            Waits.assertStaysBlocked(t.thread());
        }
        assertEquals(0, passed.get());
        b.await();                                   // the third party
        for (Waits.Task<Void> t : early) {
            t.get();
        }
        assertEquals(2, passed.get());
    }

    @Test
    void isReusableAndNobodyLeavesARoundEarly() throws Exception {
        int parties = 4;
        int rounds = 300;
        ReusableBarrier b = new ReusableBarrier(parties);
        AtomicIntegerArray arrived = new AtomicIntegerArray(rounds);
        AtomicInteger violations = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        arrived.incrementAndGet(r);
                        b.await();
                        if (arrived.get(r) != parties) {   // left before everybody arrived
                            violations.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    violations.incrementAndGet();
                }
            }));
        }
        for (Thread t : ts) {
            t.join(15_000);
            assertFalse(t.isAlive(), "a party is stuck at the barrier");
        }
        assertEquals(0, violations.get());
    }

    @Test
    void anInterruptedWaiterWithdrawsFromTheRound() throws Exception {
        ReusableBarrier b = new ReusableBarrier(2);
        Waits.Task<Void> quitter = Waits.start("quitter", () -> {
            b.await();
            return null;
        });
        Waits.awaitBlocked(quitter.thread());
        quitter.thread().interrupt();
        assertThrows(InterruptedException.class, quitter::get);
        // The round still needs two parties: one alone must wait.
        Waits.Task<Void> first = Waits.start("first", () -> {
            b.await();
            return null;
        });
        Waits.assertStaysBlocked(first.thread());
        b.await();
        first.get();
    }
}
