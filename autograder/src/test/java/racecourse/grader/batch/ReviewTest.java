package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;
import racecourse.grader.run.Limits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** review: a real replay in child JVMs; the reviewed score reaches reviews.csv, the feedback and the gradebook. */
class ReviewTest {
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aFailureThatDoesNotReplayIsReviewedAway(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        ClassFixture.write(root.resolve("alice/SafeCounter.java"), ClassFixture.REFERENCE);
        Path out = dir.resolve("out");
        Regrade.run(ClassFixture.request(root, out, Shard.ALL, false), new ClassFixture.Recorder());
        Review.rememberRoot(out, root);
        Manifest m = Manifest.read(out);
        RecordStore store = new RecordStore(out);
        // What a regrade on an overloaded machine might have recorded: one test failing as a race.
        ExerciseRecord graded = store.read("alice", "SafeCounter").orElseThrow();
        List<TestResult> tests = new ArrayList<>(graded.result().tests());
        TestResult t = tests.get(0);
        tests.set(0, new TestResult(t.exercise(), t.id(), t.name(), t.hidden(), Verdict.RACE, "lost update", t.millis()));
        ExerciseResult flaky = new ExerciseResult("SafeCounter", 10, tests, true, 1, null);
        store.write(new ExerciseRecord(graded.key(), "alice", flaky, List.of(), graded.sandboxed(), graded.graderNotes()));
        ClassReport.write(out, m, store);
        assertFalse(Files.readString(out.resolve("gradebook.csv")).contains("\"alice\",10,"));

        Reviews.Review r = Review.run(new Review.Request(out, "alice", "SafeCounter", 1, "asked by =alice, \"flaky\"", null,
                Limits.defaults(), ClassFixture.HOME));
        assertEquals(flaky.score(), r.before());
        assertEquals(10, r.after());
        assertEquals(List.of(), r.seeds(), "nothing failed in the replay: no further seeds needed");
        assertTrue(Files.readString(out.resolve("gradebook.csv")).contains("\"alice\",10,"), Files.readString(out.resolve("gradebook.csv")));
        String csv = Files.readString(out.resolve("reviews.csv"));
        assertTrue(csv.contains(",\"alice\",SafeCounter," + Gradebook.number(flaky.score()) + ",10,10,7,,\"asked by =alice, \"\"flaky\"\"\"\r\n"), csv);
        String feedback = Files.readString(out.resolve("alice/feedback.md"));
        assertTrue(feedback.contains("## Reviews") && feedback.contains(" → 10 / 10 (replayed seed 7)"), feedback);
        assertTrue(Files.readString(out.resolve("alice/feedback.html")).contains("<h2>Reviews</h2>"));

        byte[] before = Files.readAllBytes(out.resolve("reviews.csv"));
        for (String[] bad : new String[][] {{"../alice", "SafeCounter"}, {"bob", "SafeCounter"}, {"alice", "BoundedBuffer"}}) {
            assertThrows(IllegalArgumentException.class, () -> Review.run(new Review.Request(out, bad[0], bad[1], 1, "", null,
                    Limits.defaults(), ClassFixture.HOME)), String.join(" ", bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Review.run(new Review.Request(out, "alice", "SafeCounter", 1, "two\nlines",
                null, Limits.defaults(), ClassFixture.HOME)));
        assertEquals(new String(before), Files.readString(out.resolve("reviews.csv")), "a refused review records nothing");
    }
}
