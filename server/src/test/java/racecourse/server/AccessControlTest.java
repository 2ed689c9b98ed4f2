package racecourse.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionList;
import racecourse.server.api.SubmissionStatus;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every API route with another student's ids, no token, a wrong token, and the instructor's. */
class AccessControlTest {
    @TempDir
    static Path dir;
    static Fixture f;
    static Receipt aliceSubmission;

    @BeforeAll
    static void start() throws Exception {
        f = Fixture.sqlite(dir, 0, (z, x, s) -> {
            throw new AssertionError("nothing is graded here");
        });
        aliceSubmission = Json.read(f.postZip(f.alice, Fixture.safeCounterZip()).body(), Receipt.class);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static final List<String> ROUTES_OF_ONE = List.of("/api/submissions/%s", "/api/submissions/%s/files.zip");

    @Test
    void anotherStudentsIdsLookUnknownOnEveryRoute() throws Exception {
        for (String route : ROUTES_OF_ONE) {
            String path = route.formatted(aliceSubmission.id());
            assertEquals(200, f.get(path, f.alice).statusCode(), path);
            HttpResponse<String> r = f.get(path, f.bob);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertFalse(r.body().contains("SafeCounter"), path + " leaks nothing: " + r.body());
            assertEquals(404, f.get(route.formatted("no-such-id"), f.bob).statusCode());
        }
        SubmissionList bobs = Json.read(f.get("/api/submissions", f.bob).body(), SubmissionList.class);
        assertTrue(bobs.submissions().isEmpty(), "bob's list holds only bob's: " + bobs);
        SubmissionList alices = Json.read(f.get("/api/submissions", f.alice).body(), SubmissionList.class);
        assertEquals(List.of(aliceSubmission.id()), alices.submissions().stream().map(e -> e.receipt().id()).toList());
    }

    @Test
    void everyRouteWantsAValidToken() throws Exception {
        List<String> all = List.of("/api/submissions", "/api/whoami", "/api/gradebook.csv", "/api/submissions.zip",
                "/api/submissions/" + aliceSubmission.id(), "/api/submissions/" + aliceSubmission.id() + "/files.zip");
        for (String path : all) {
            assertEquals(401, f.get(path, null).statusCode(), path);
            assertEquals(401, f.get(path, "not-a-token").statusCode(), path);
            assertEquals(401, f.get(path, f.alice + "x").statusCode(), path);
        }
        assertEquals(401, f.postZip(null, Fixture.safeCounterZip()).statusCode());
        assertEquals(401, f.postZip("forged", Fixture.safeCounterZip()).statusCode());
    }

    @Test
    void studentsCannotReadTheGradebookTheInstructorReadsAll() throws Exception {
        assertEquals(403, f.get("/api/gradebook.csv", f.alice).statusCode());
        HttpResponse<String> zip = f.get("/api/submissions.zip", f.alice);
        assertEquals(403, zip.statusCode());
        assertFalse(zip.body().contains("SafeCounter"), zip.body());
        HttpResponse<String> csv = f.get("/api/gradebook.csv", f.instructor);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("\"alice\"") && csv.body().contains("\"bob\""), csv.body());
        SubmissionStatus s = Json.read(f.get("/api/submissions/" + aliceSubmission.id(), f.instructor).body(), SubmissionStatus.class);
        assertEquals("alice", s.receipt().student());
        assertEquals(SubmissionStatus.State.QUEUED, s.state());
        SubmissionList all = Json.read(f.get("/api/submissions", f.instructor).body(), SubmissionList.class);
        assertTrue(all.submissions().stream().anyMatch(e -> e.receipt().id().equals(aliceSubmission.id())));
        assertEquals(403, f.postZip(f.instructor, Fixture.safeCounterZip()).statusCode(), "the instructor token only reads");
    }

    @Test
    void theReceiveTimeIsTheServers() throws Exception {
        assertTrue(Math.abs(aliceSubmission.receivedAt().toEpochMilli() - System.currentTimeMillis()) < 120_000);
    }
}
