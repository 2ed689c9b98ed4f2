package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.course.Course;
import racecourse.grader.course.CourseFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rescore: a changed course file gives the right gradebook from the stored records alone. */
class RescoreTest {
    @TempDir
    Path dir;

    static final Instant START = Instant.parse("2026-10-05T21:00:00Z"); // 23:00 in Berlin

    Course course(String toml) throws IOException {
        return CourseFile.read(Files.writeString(dir.resolve("course.toml"), toml));
    }

    List<String> gradebook(Path out) throws IOException {
        return Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void changingPointsDeadlinesAndExtensionsRescoresTheClass() throws IOException {
        Path out = dir.resolve("out");
        SyntheticRegrade.write(out, 30, List.of("SafeCounter", "BoundedBuffer"), START);
        Rescore.run(out, course("""
                time_zone = "Europe/Berlin"
                exercises = ["SafeCounter"]
                [exercise.SafeCounter]
                deadline = 2026-10-05T23:59:00
                """));
        List<String> csv = gradebook(out);
        assertEquals("\uFEFF\"student\",\"SafeCounter raw\",\"SafeCounter hours late\",\"SafeCounter penalty %\",\"SafeCounter\",\"total\",\"review\"",
                csv.get(0));
        // s003: 3 of 4 tests, received 02:00 Berlin, 2 h late; no [late] table: no penalty.
        assertEquals("\"s003\",7.50,2.02,0,7.50,7.50,\"\"", csv.get(4));

        Files.writeString(dir.resolve("extensions.csv"), "student,exercise,deadline\ns003,SafeCounter,2026-10-06T12:00:00\n");
        Rescore.run(out, course("""
                time_zone = "Europe/Berlin"
                exercises = ["SafeCounter", "BoundedBuffer"]
                extensions = "extensions.csv"
                [late]
                percent_per_day = 10
                max_percent = 30
                grace_minutes = 15
                [exercise.SafeCounter]
                points = 20
                deadline = 2026-10-05T23:59:00
                weights = { "test 3" = 5 }
                [exercise.BoundedBuffer]
                deadline = 2026-10-05T22:00:00+00:00
                """));
        csv = gradebook(out);
        assertEquals(1 + 30, csv.size());
        assertTrue(csv.get(0).contains("\"SafeCounter\",\"BoundedBuffer raw\""), csv.get(0));
        // s000: passes nothing, on time (21:00 UTC).
        assertEquals("\"s000\",0,0,0,0,0,0,0,0,0,\"\"", csv.get(1));
        // s003: tests 0-2 pass (weight 3 of 8) of 20 points = 7.50; the extension makes it on time.
        // BoundedBuffer: 3 of 4 of 10 = 7.50, received 00:00 UTC, 2 h late: 10 %.
        assertEquals("\"s003\",7.50,0,0,7.50,7.50,2,10,6.75,14.25,\"\"", csv.get(4));
        // s029: 4 of 4 (29 % 5), 28.02 h late for SafeCounter: 2 started days, 20 %; BoundedBuffer 28 h: 20 %.
        assertEquals("\"s029\",20,28.02,20,16,10,28,20,8,24,\"\"", csv.get(30));
        // What s029 reads agrees with the gradebook: the course's points, the penalty, the final score.
        String feedback = Files.readString(out.resolve("s029/feedback.md"));
        assertTrue(feedback.contains("Score: **24 / 30**"), feedback);
        assertTrue(feedback.contains("| SafeCounter | 16 / 20 | 20 % | 0 of 4 |"), feedback);
        assertTrue(feedback.contains("The tests give 20 of 20 points; received 28.02 h after the deadline: 20 % late penalty."), feedback);
        assertTrue(Files.readString(out.resolve("s029/feedback.html")).contains("16 / 20"));
        assertTrue(Files.readString(out.resolve("s029/results.json")).contains("\"score\": 24.0"));
        // Hidden details: not by default ("never").
        assertFalse(Files.readString(out.resolve("s003/feedback.md")).contains("lost an update"));
    }

    @Test
    void hiddenDetailsShowInFeedbackOnceTheStudentsDeadlineHasPassed() throws IOException {
        Path out = dir.resolve("out");
        SyntheticRegrade.write(out, 3, List.of("SafeCounter", "BoundedBuffer"), START);
        // s001 passes test 0 only; test 3 is hidden ("lost an update"). SafeCounter's deadline has
        // passed, BoundedBuffer's is in 2999; s002 has an extension of SafeCounter to 2999 too.
        Files.writeString(dir.resolve("extensions.csv"), "student,exercise,deadline\ns002,SafeCounter,2999-01-01T00:00:00\n");
        Rescore.run(out, course("""
                time_zone = "UTC"
                exercises = ["SafeCounter", "BoundedBuffer"]
                hidden_details = "after-deadline"
                extensions = "extensions.csv"
                [exercise.SafeCounter]
                deadline = 2026-10-06T00:00:00
                [exercise.BoundedBuffer]
                deadline = 2999-01-01T00:00:00
                """));
        String s1 = Files.readString(out.resolve("s001/feedback.md"));
        String safe = s1.substring(s1.indexOf("## SafeCounter"), s1.indexOf("## BoundedBuffer"));
        String bounded = s1.substring(s1.indexOf("## BoundedBuffer"));
        assertTrue(safe.contains("(hidden test)\n\n```\nlost an update"), safe);
        assertFalse(bounded.contains("(hidden test)\n\n```"), bounded);
        String s2 = Files.readString(out.resolve("s002/feedback.md"));
        assertFalse(s2.contains("(hidden test)\n\n```"), s2);
        // The same class rescored without the setting: the details go again.
        Rescore.run(out, course("time_zone = \"UTC\"\nexercises = [\"SafeCounter\", \"BoundedBuffer\"]\n"));
        assertFalse(Files.readString(out.resolve("s001/feedback.md")).contains("(hidden test)\n\n```"));
    }

    @Test
    void aTimePerExerciseIsLateOnlyForItsOwnExercise() throws IOException {
        Path out = dir.resolve("out");
        SyntheticRegrade.write(out, 4, List.of("SafeCounter", "BoundedBuffer"), START);
        String by = "the submission service";
        racecourse.grader.course.ReceiveTime onTime = new racecourse.grader.course.ReceiveTime(START, by);
        racecourse.grader.course.ReceiveTime threeDaysOn = new racecourse.grader.course.ReceiveTime(START.plus(java.time.Duration.ofDays(3)), by);
        ReceivedTimes.of(java.util.Map.of("s003", racecourse.grader.course.StudentReceiveTimes.perExercise(
                java.util.Map.of("SafeCounter", onTime, "BoundedBuffer", threeDaysOn)))).write(out);
        assertTrue(Files.readString(ReceivedTimes.path(out)).contains("\"format\": 2"), "per-exercise times are format 2");
        Rescore.run(out, course("""
                time_zone = "UTC"
                exercises = ["SafeCounter", "BoundedBuffer"]
                [late]
                percent_per_day = 10
                max_percent = 50
                [exercise.SafeCounter]
                deadline = 2026-10-06T00:00:00
                [exercise.BoundedBuffer]
                deadline = 2026-10-06T00:00:00
                """));
        // s003: 3 of 4 tests in each. SafeCounter received 21:00, on time; BoundedBuffer 69 h late: 3 started days, 30 %.
        assertEquals("\"s003\",7.50,0,0,7.50,7.50,69,30,5.25,12.75,\"\"", gradebook(out).get(4));
        String feedback = Files.readString(out.resolve("s003/feedback.md"));
        assertTrue(feedback.contains("Received SafeCounter 2026-10-05T21:00:00Z, BoundedBuffer 2026-10-08T21:00:00Z (from " + by + ")."),
                feedback);
        String results = Files.readString(out.resolve("s003/results.json"));
        assertTrue(results.contains("\"received\": \"2026-10-08T21:00:00Z\""), results);
        assertTrue(results.contains("\"score\": 12.75"), results);
        // A student with no stored time at all: no penalty, and the gradebook says so.
        assertTrue(gradebook(out).get(3).endsWith("\"no receive time known: no late penalty (SafeCounter, BoundedBuffer)\""),
                gradebook(out).get(3));
    }

    @Test
    void noReceiveTimeMeansNoPenaltyAndTheGradebookSaysSo() throws IOException {
        Path out = dir.resolve("out");
        SyntheticRegrade.write(out, 3, List.of("SafeCounter"), START);
        Files.delete(ReceivedTimes.path(out));
        Rescore.run(out, course("time_zone = \"UTC\"\nexercises = [\"SafeCounter\"]\n[late]\npercent_per_day = 50\n[exercise.SafeCounter]\ndeadline = 2020-01-01T00:00:00\n"));
        assertEquals("\"s002\",5,,0,5,5,\"no receive time known: no late penalty (SafeCounter)\"", gradebook(out).get(3));
    }

    @Test
    void aMergeKeepsTheReceiveTimesForRescore() throws IOException {
        // Each shard's regrade read the same submissions.csv: both hold every student's time.
        for (int k = 1; k <= 2; k++) {
            SyntheticRegrade.write(dir.resolve("shard" + k), (k - 1) * 3, 3, new Shard(k, 2), List.of("SafeCounter"), START);
            ReceivedTimes all = ReceivedTimes.read(dir.resolve("shard1"));
            Path other = dir.resolve("shard" + k);
            java.util.Map<String, ReceivedTimes.Entry> times = new java.util.TreeMap<>(ReceivedTimes.read(other).students());
            times.putAll(all.students());
            new ReceivedTimes(ReceivedTimes.FORMAT, times).write(other);
        }
        Path merged = dir.resolve("merged");
        Merge.merge(List.of(dir.resolve("shard2"), dir.resolve("shard1")), merged);
        Rescore.run(merged, course("time_zone = \"UTC\"\nexercises = [\"SafeCounter\"]\n[late]\npercent_per_day = 10\n"
                + "[exercise.SafeCounter]\ndeadline = 2026-10-06T00:00:00\n"));
        List<String> csv = gradebook(merged);
        assertEquals(7, csv.size());
        // s004: 4 of 4 tests, received 01:00 UTC, 1 h late: 10 %.
        assertEquals("\"s004\",10,1,10,9,9,\"\"", csv.get(5));
    }

    @Test
    void aCourseExerciseTheRegradeDidNotGradeIsOneLine() throws IOException {
        Path out = dir.resolve("out");
        SyntheticRegrade.write(out, 1, List.of("SafeCounter"), START);
        var e = assertThrows(IllegalArgumentException.class, () -> Rescore.run(out, course("exercises = [\"Pipeline\"]\n")));
        assertTrue(e.getMessage().startsWith("the course grades Pipeline but the regrade in"), e.getMessage());
    }

    /**
     * 300 students, every exercise of the catalog: no process is started (a sampler watches this JVM's
     * descendants throughout) and it takes well under the 5 s target (bound 10 s for a loaded machine).
     * Alone in the JVM (the global lock): its other tests, run at the same time, start child JVMs.
     */
    @Test
    @org.junit.jupiter.api.parallel.ResourceLock(value = org.junit.jupiter.api.parallel.Resources.GLOBAL,
            mode = org.junit.jupiter.api.parallel.ResourceAccessMode.READ_WRITE)
    void threeHundredStudentsRescoreWithoutAnyChildProcess() throws Exception {
        Path out = dir.resolve("out");
        SyntheticRegrade.write(out, 300, racecourse.grader.Catalog.EXERCISES, START);
        Course c = course("time_zone = \"UTC\"\npoints = 7\n[late]\npercent_per_day = 10\n[exercise.Pipeline]\ndeadline = 2026-10-06T00:00:00\n");
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch sampled = new CountDownLatch(1);
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                ProcessHandle.current().descendants().forEach(p -> seen.add(p.pid()));
                sampled.countDown();
            }
        });
        assertTrue(sampled.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        Rescore.Outcome o = Rescore.run(out, c);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        sampler.join(10_000);
        assertEquals(300, o.students());
        assertEquals(Set.of(), seen, "rescore started a process");
        assertTrue(seconds < 10, "rescore of 300 students took " + seconds + " s");
        assertEquals(301, gradebook(out).size());
        System.out.printf("rescore of 300 students x %d exercises: %.2f s%n", racecourse.grader.Catalog.EXERCISES.size(), seconds);
    }
}
