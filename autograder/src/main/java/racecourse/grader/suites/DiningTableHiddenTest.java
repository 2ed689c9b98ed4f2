package racecourse.grader.suites;

import exercises.DiningTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;

import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static racecourse.grader.harness.Verdict.SERIALIZED;

class DiningTableHiddenTest {
    @Test
    @DisplayName("two philosophers who are not neighbours eat at the same time")
    void nonNeighboursTogether() throws Exception {
        for (int round = 0; round < 3; round++) {
            DiningTable t = new DiningTable(5);
            CyclicBarrier together = new CyclicBarrier(2);
            boolean[] met = new boolean[2];
            Await.Call<Void> a = Await.start("philosopher-0", () -> {
                t.dine(0, () -> met[0] = meet(together));
                return null;
            });
            Await.Call<Void> b = Await.start("philosopher-2", () -> {
                t.dine(2, () -> met[1] = meet(together));
                return null;
            });
            a.get(Duration.ofSeconds(5));
            b.get(Duration.ofSeconds(5));
            Check.that(met[0] && met[1], SERIALIZED, "philosophers 0 and 2 share no fork but could not eat at the same "
                    + "time: one waited outside while the other ate (one lock for the whole table?)");
        }
    }

    private static boolean meet(CyclicBarrier b) {
        try {
            b.await(1500, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | java.util.concurrent.BrokenBarrierException | InterruptedException e) {
            return false;
        }
    }
}
