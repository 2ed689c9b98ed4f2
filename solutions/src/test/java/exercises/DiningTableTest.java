package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiningTableTest {
    @Test
    void rejectsTablesForFewerThanTwo() {
        assertThrows(IllegalArgumentException.class, () -> new DiningTable(1));
        assertThrows(IllegalArgumentException.class, () -> new DiningTable(0));
        new DiningTable(2);
    }

    @Test
    void rejectsSeatsOffTheTableAndNullMeals() {
        DiningTable t = new DiningTable(3);
        assertThrows(IllegalArgumentException.class, () -> t.dine(3, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> t.dine(-1, () -> { }));
        assertThrows(NullPointerException.class, () -> t.dine(0, null));
    }

    @Test
    void eatsAndPutsTheForksDownEvenIfEatingFails() throws Exception {
        DiningTable t = new DiningTable(3);
        AtomicInteger meals = new AtomicInteger();
        RuntimeException boom = new IllegalStateException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> t.dine(1, () -> {
            throw boom;
        }));
        assertSame(boom, thrown);
        // Forks 1 and 2 must be free again, also for another thread (a lock held by the failed
        // meal would block it forever).
        Waits.Task<Void> neighbour = Waits.start("neighbour", () -> {
            t.dine(2, meals::incrementAndGet);
            t.dine(0, meals::incrementAndGet);
            return null;
        });
        neighbour.get();
        t.dine(1, meals::incrementAndGet);
        assertEquals(3, meals.get());
    }

    @Test
    void philosophersWhoAreNotNeighboursEatTogether() throws Exception {
        DiningTable t = new DiningTable(5);
        CountDownLatch bothEating = new CountDownLatch(2);
        AtomicInteger together = new AtomicInteger();
        Runnable meal = () -> {
            bothEating.countDown();
            try {
                if (bothEating.await(Waits.SECONDS, TimeUnit.SECONDS)) {
                    together.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Waits.Task<Void> a = Waits.start("seat-0", () -> {
            t.dine(0, meal);
            return null;
        });
        Waits.Task<Void> b = Waits.start("seat-2", () -> {
            t.dine(2, meal);
            return null;
        });
        a.get();
        b.get();
        assertEquals(2, together.get(), "seats 0 and 2 share no fork but could not eat at the same time");
    }

    @Test
    void neighboursBlockEachOther() throws Exception {
        DiningTable t = new DiningTable(4);
        CountDownLatch eating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Waits.Task<Void> a = Waits.start("seat-1", () -> {
            t.dine(1, () -> {
                eating.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertTrue(eating.await(Waits.SECONDS, TimeUnit.SECONDS));
        AtomicInteger ate = new AtomicInteger();
        Waits.Task<Void> b = Waits.start("seat-2", () -> {
            t.dine(2, ate::incrementAndGet);       // needs fork 2, which seat 1 holds
            return null;
        });
        Waits.assertStaysBlocked(b.thread());
        assertEquals(0, ate.get());
        finish.countDown();
        a.get();
        b.get();
        assertEquals(1, ate.get());
    }

    @Test
    void noDeadlockAndNeverTwoNeighboursAtOnce() throws Exception {
        for (int seats : new int[] {2, 5}) {
            DiningTable t = new DiningTable(seats);
            AtomicIntegerArray eating = new AtomicIntegerArray(seats);
            AtomicInteger violations = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> ts = new ArrayList<>();
            for (int s = 0; s < seats; s++) {
                int seat = s;
                ts.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 3_000; i++) {
                            t.dine(seat, () -> {
                                eating.set(seat, 1);
                                if (eating.get((seat + 1) % seats) == 1
                                        || eating.get((seat + seats - 1) % seats) == 1) {
                                    violations.incrementAndGet();
                                }
                                Thread.onSpinWait();
                                eating.set(seat, 0);
                            });
                        }
                    } catch (InterruptedException e) {
                        violations.incrementAndGet();
                    }
                }));
            }
            go.countDown();
            for (Thread th : ts) {
                th.join(10_000);
                assertFalse(th.isAlive(), "philosopher stuck with " + seats + " seats: deadlock?");
            }
            assertEquals(0, violations.get(), "neighbours ate at the same time");
        }
    }

    @Test
    void anInterruptedPhilosopherHoldsNoFork() throws Exception {
        DiningTable t = new DiningTable(3);
        CountDownLatch eating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Waits.Task<Void> holder = Waits.start("seat-0", () -> {
            t.dine(0, () -> {
                eating.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertTrue(eating.await(Waits.SECONDS, TimeUnit.SECONDS));
        Waits.Task<Void> waiter = Waits.start("seat-1", () -> {
            t.dine(1, () -> { });
            return null;
        });
        Waits.awaitBlocked(waiter.thread());
        waiter.thread().interrupt();
        assertThrows(InterruptedException.class, waiter::get);
        finish.countDown();
        holder.get();
        AtomicInteger ate = new AtomicInteger();
        Waits.start("everyone", () -> {
            for (int s = 0; s < 3; s++) {
                t.dine(s, ate::incrementAndGet);
            }
            return null;
        }).get();
        assertEquals(3, ate.get());
    }
}
