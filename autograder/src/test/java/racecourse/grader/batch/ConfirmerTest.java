package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --confirm R: failures that come back keep their verdict; failures that never do are flagged, not counted. */
class ConfirmerTest {
    static ExerciseResult result(Verdict a, Verdict b, Verdict c) {
        return new ExerciseResult("SafeCounter", 10, List.of(
                new TestResult("SafeCounter", "a", "test a", false, a, a == null ? null : "a failed", 1),
                new TestResult("SafeCounter", "b", "test b", true, b, b == null ? null : "b failed", 1),
                new TestResult("SafeCounter", "c", "test c", false, c, c == null ? null : "c failed", 1)), true, 1, null);
    }

    @Test
    void aFailureThatNeverComesBackIsFlaggedAndCountsAsPassed() throws Exception {
        List<Long> seeds = new ArrayList<>();
        // a: a race that came back once in 3; b: never came back; c: a compile verdict, never rerun for itself.
        Confirmer.Confirmed c = Confirmer.confirm(result(Verdict.RACE, Verdict.HANG, Verdict.COMPILE), 5, 3, seed -> {
            seeds.add(seed);
            return seeds.size() == 2 ? result(Verdict.RACE, null, Verdict.COMPILE) : result(null, null, Verdict.COMPILE);
        });
        assertEquals(List.of(Confirmer.seed(5, 1), Confirmer.seed(5, 2), Confirmer.seed(5, 3)), seeds);
        assertEquals(2, c.confirmations().size());
        assertEquals(1, c.confirmations().get(0).reproduced());
        assertFalse(c.confirmations().get(0).flagged());
        assertTrue(c.confirmations().get(1).flagged());
        List<TestResult> tests = c.result().tests();
        assertEquals(Verdict.RACE, tests.get(0).verdict());
        assertTrue(tests.get(0).message().contains("reproduced in 1 of 3 reruns"), tests.get(0).message());
        assertNull(tests.get(1).verdict(), "never reproduced: not counted");
        assertEquals(Verdict.COMPILE, tests.get(2).verdict());
        assertEquals(3.33, c.result().score());
        assertTrue(c.confirmations().get(1).describe("SafeCounter").contains("flagged for the instructor"));
    }

    @Test
    void nothingIsRerunWithoutAScheduleDependentFailure() throws Exception {
        Confirmer.Confirmed c = Confirmer.confirm(result(null, null, Verdict.COMPILE), 5, 3, seed -> {
            throw new AssertionError("rerun");
        });
        assertEquals(List.of(), c.confirmations());
    }
}
