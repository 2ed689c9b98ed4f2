package racecourse.grader.course;

import org.junit.jupiter.api.Test;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.ExerciseScore;
import racecourse.results.TestResult;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LateScoringTest {
    static final LatePolicy POLICY = new LatePolicy(10, 50, Duration.ofMinutes(15));

    @Test
    void graceThenTenPercentPerStartedDayCappedAtFifty() {
        assertEquals(0, POLICY.penaltyPercent(Duration.ofHours(-3)));
        assertEquals(0, POLICY.penaltyPercent(Duration.ZERO));
        assertEquals(0, POLICY.penaltyPercent(Duration.ofMinutes(15)), "the last minute of grace");
        assertEquals(10, POLICY.penaltyPercent(Duration.ofMinutes(15).plusSeconds(1)), "past grace: counted from the deadline");
        assertEquals(10, POLICY.penaltyPercent(Duration.ofHours(24)));
        assertEquals(20, POLICY.penaltyPercent(Duration.ofHours(24).plusSeconds(1)));
        assertEquals(30, POLICY.penaltyPercent(Duration.ofHours(60)));
        assertEquals(50, POLICY.penaltyPercent(Duration.ofDays(5)));
        assertEquals(50, POLICY.penaltyPercent(Duration.ofDays(40)), "the cap");
    }

    static ExerciseResult result(String exercise, boolean... passed) {
        List<TestResult> tests = new java.util.ArrayList<>();
        for (int i = 0; i < passed.length; i++) {
            tests.add(new TestResult(exercise, exercise + "#" + i, "t" + i, false, passed[i] ? null : Verdict.RACE, null, 1));
        }
        return new ExerciseResult(exercise, 10, tests, true, 1, null);
    }

    static Course course(ZonedDateTime deadline, double points, Map<String, Double> weights, List<Extension> ext) {
        Map<String, ExercisePlan> plans = new LinkedHashMap<>();
        plans.put("BoundedBuffer", new ExercisePlan("BoundedBuffer", points, weights, deadline));
        return new Course("t", ZoneId.of("Europe/Berlin"), plans, POLICY, ext, HiddenDetails.NEVER);
    }

    @Test
    void pointsAndWeightsScaleTheRawScore() {
        ExerciseResult r = result("BoundedBuffer", true, false, true, true);
        assertEquals(15, Scorer.score(course(null, 20, Map.of(), List.of()), "a", r, ReceiveTime.UNKNOWN).raw());
        // t1 (failed) weighs 4 of 7: 3/7 of 20
        assertEquals(8.57, Scorer.score(course(null, 20, Map.of("t1", 4.0), List.of()), "a", r, ReceiveTime.UNKNOWN).raw());
    }

    @Test
    void aDeadlineAcrossTheSpringDstChangeIsLocalWallClockTime() {
        // Berlin moves to +02:00 at 02:00 on 2026-03-29: 23:59 that day is 21:59 UTC, not 22:59.
        ZonedDateTime deadline = Deadlines.parse("2026-03-29T23:59:00", ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-03-29T21:59:00Z"), deadline.toInstant());
        Course c = course(deadline, 10, Map.of(), List.of());
        ExerciseResult r = result("BoundedBuffer", true, true);
        ExerciseScore onTime = Scorer.score(c, "a", r, new ReceiveTime(Instant.parse("2026-03-29T22:10:00Z"), "test"));
        assertEquals(0.18, onTime.hoursLate());
        assertEquals(0, onTime.penaltyPercent(), "11 min late: within grace");
        ExerciseScore late = Scorer.score(c, "a", r, new ReceiveTime(Instant.parse("2026-03-29T22:30:00Z"), "test"));
        assertEquals(10, late.penaltyPercent(), "31 min late (a +01:00 reading would call it on time)");
        assertEquals(9, late.finalScore());
        // Autumn: 2026-10-25 03:00 CEST becomes 02:00 CET; a 23:59 deadline that day is +01:00.
        assertEquals(Instant.parse("2026-10-25T22:59:00Z"),
                Deadlines.parse("2026-10-25T23:59:00", ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void anExtensionMovesTheDeadlineForThatStudentOnly() {
        ZonedDateTime deadline = ZonedDateTime.parse("2026-10-05T23:59+02:00[Europe/Berlin]");
        Course c = course(deadline, 10, Map.of(),
                List.of(new Extension("alice", null, deadline.plusDays(3))));
        ExerciseResult r = result("BoundedBuffer", true, true);
        ReceiveTime twoDaysLate = new ReceiveTime(deadline.plusDays(2).toInstant(), "test");
        assertEquals(10, Scorer.score(c, "alice", r, twoDaysLate).finalScore());
        assertEquals(8, Scorer.score(c, "bob", r, twoDaysLate).finalScore());
        assertEquals(48.0, Scorer.score(c, "bob", r, twoDaysLate).hoursLate());
    }

    @Test
    void lessThanASecondLateHasStartedADay() {
        // The submission service keeps milliseconds: 0.2 s after the deadline is late, as its receipt says.
        assertEquals(10, new LatePolicy(10, 50, java.time.Duration.ZERO).penaltyPercent(java.time.Duration.ofMillis(200)));
        assertEquals(10, new LatePolicy(10, 50, java.time.Duration.ZERO).penaltyPercent(java.time.Duration.ofDays(1)));
        assertEquals(20, new LatePolicy(10, 50, java.time.Duration.ZERO).penaltyPercent(java.time.Duration.ofDays(1).plusMillis(1)));
        assertEquals(0, new LatePolicy(10, 50, java.time.Duration.ZERO).penaltyPercent(java.time.Duration.ZERO));
        assertEquals(0, new LatePolicy(10, 50, java.time.Duration.ofMinutes(15)).penaltyPercent(java.time.Duration.ofMinutes(15)));
    }

    @Test
    void noReceiveTimeMeansNoPenaltyAndSaysSo() {
        Course c = course(ZonedDateTime.parse("2020-01-01T00:00Z"), 10, Map.of(), List.of());
        ExerciseScore s = Scorer.score(c, "a", result("BoundedBuffer", true), ReceiveTime.UNKNOWN);
        assertNull(s.hoursLate());
        assertEquals(10, s.finalScore());
        assertEquals("receive time unknown: no late penalty", s.lateNote());
    }
}
