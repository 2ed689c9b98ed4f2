package racecourse.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.course.CourseFile;
import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.results.TestResult;
import racecourse.results.Verdict;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.client.SubmitClient;
import racecourse.server.upload.UploadLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hidden test's message reaches the student only where the course says hidden_details =
 * "after-deadline" and their deadline has passed. The grading is given (one public test passed,
 * one hidden test failed with a message), so the test is about the service's rule, not the grader.
 */
class HiddenDetailsTest {
    @TempDir
    Path dir;

    static final String SECRET = "the hidden test's own explanation";

    static Grading graded() {
        return new Grading(List.of(new ExerciseResult("SafeCounter", 10, List.of(
                new TestResult("SafeCounter", "SafeCounter#public", "a public test", false, null, null, 5),
                new TestResult("SafeCounter", "SafeCounter#hidden", "a hidden test", true, Verdict.RACE, SECRET, 5)),
                true, 1, "note")), 7, List.of(), 1, true);
    }

    @ParameterizedTest
    @CsvSource({"after-deadline, 2020-01-01T00:00:00, true", "after-deadline, 2099-01-01T00:00:00, false",
            "never, 2020-01-01T00:00:00, false"})
    void hiddenMessagesShowOnlyAfterTheDeadlineIfTheCourseSaysSo(String policy, String deadline, boolean shown) throws Exception {
        Path course = Files.writeString(dir.resolve("course.toml"), "time_zone = \"UTC\"\nexercises = [\"SafeCounter\"]\n"
                + "hidden_details = \"" + policy + "\"\n[exercise.SafeCounter]\ndeadline = " + deadline + "\n");
        try (Fixture f = new Fixture(dir, "jdbc:sqlite:" + dir.resolve("s.db"), CourseFile.read(course), 1,
                UploadLimits.defaults(), (zip, exercises, seed) -> graded())) {
            SubmitClient alice = new SubmitClient(f.uri("/"), f.alice);
            Receipt r = alice.submit(List.of(Fixture.SAFE_COUNTER));
            assertEquals(deadline.startsWith("2020"), r.late());
            SubmissionStatus s = alice.await(r.id(), Duration.ofSeconds(30));
            assertEquals(SubmissionStatus.State.GRADED, s.state());
            TestResult hidden = s.grading().exercises().get(0).tests().get(1);
            assertTrue(hidden.hidden());
            assertEquals(Verdict.RACE, hidden.verdict(), "the verdict always shows");
            assertEquals(shown, SECRET.equals(hidden.message()), "message: " + hidden.message());
            String raw = f.get("/api/submissions/" + r.id(), f.alice).body();
            assertEquals(shown, raw.contains(SECRET), raw);
            assertFalse(f.store.submission(r.id()).orElseThrow().gradingJson().contains(SECRET),
                    "the grading students read never holds it");
        }
    }
}
