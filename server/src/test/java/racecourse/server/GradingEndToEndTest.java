package racecourse.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.client.SubmitClient;
import racecourse.server.client.VerdictText;
import racecourse.server.queue.GraderGrading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student submits with the client, a worker in the server grades with the real grader (sandboxed
 * child JVMs), and the student reads the verdicts: the reference SafeCounter passes, a SafeCounter
 * without synchronization gets race verdicts.
 */
class GradingEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void submitGradeAndReadTheVerdicts() throws Exception {
        try (Fixture f = Fixture.sqlite(dir, 1, new GraderGrading(Fixture.HOME, 1))) {
            SubmitClient alice = new SubmitClient(f.uri("/"), f.alice);
            Receipt good = alice.submit(List.of(Fixture.SAFE_COUNTER));
            // The grader's own seeded bug: increments that lose updates.
            Path racy = Fixture.HOME.resolve("autograder/corpus/SafeCounter/lost-update/SafeCounter.java");
            Receipt bad = alice.submit(List.of(racy));

            SubmissionStatus goodStatus = alice.await(good.id(), Duration.ofSeconds(150));
            assertEquals(SubmissionStatus.State.GRADED, goodStatus.state(), "graded within 150 s: " + goodStatus);
            ExerciseResult e = goodStatus.grading().exercises().get(0);
            assertEquals("SafeCounter", e.exercise());
            assertEquals(e.points(), e.score(), "the reference passes: " + VerdictText.verdicts(goodStatus));
            assertEquals(10.0, goodStatus.scores().get(0).finalScore());

            SubmissionStatus badStatus = alice.await(bad.id(), Duration.ofSeconds(150));
            assertEquals(SubmissionStatus.State.GRADED, badStatus.state());
            assertTrue(badStatus.grading().exercises().get(0).tests().stream().anyMatch(t -> t.verdict() == Verdict.RACE),
                    VerdictText.verdicts(badStatus));
            // Hidden tests show their verdict, never their message.
            assertTrue(badStatus.grading().exercises().get(0).tests().stream().filter(t -> t.hidden())
                    .allMatch(t -> t.message() == null), "a hidden test's message reached the student");
            String text = VerdictText.verdicts(badStatus);
            assertTrue(text.contains("FAIL") && text.contains("[race]"), text);
        }
    }

    /** The service's children run below the server's CPU priority, so uploads are acknowledged first. */
    @Test
    void gradingsRunBelowTheServersPriority() throws Exception {
        // Throws the nice value its own process runs at.
        Path probe = Fixture.HOME.resolve("tests/fixtures/priority-probe/SafeCounter.java");
        String own = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
        int serverNice = Integer.parseInt(own.substring(own.lastIndexOf(')') + 2).split(" ")[16]);
        var grading = new GraderGrading(Fixture.HOME, 1).grade(probe, List.of("SafeCounter"), 1);
        String messages = grading.exercises().get(0).tests().stream().map(t -> String.valueOf(t.message()))
                .reduce("", String::concat);
        assertTrue(messages.contains("NICE=" + Math.min(19, serverNice + GraderGrading.CHILD_NICENESS)), messages);
    }
}
