package racecourse.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.batch.RosterFile;
import racecourse.results.GradingJson;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.store.BlobStore;
import racecourse.server.store.Database;
import racecourse.server.store.Store;
import racecourse.server.store.StoredSubmission;
import racecourse.server.store.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of a real server process (a child JVM) in the middle of uploads and in the middle of a
 * grading: after a restart every acknowledged submission is there with its files whole, and every
 * submission is graded exactly once.
 */
class CrashTest {
    @TempDir
    Path dir;

    private Store store;
    private Map<String, String> tokens;
    private Path roster;
    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        if (store != null) {
            store.database().close();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private void setUp() throws Exception {
        roster = dir.resolve("roster.csv");
        Files.writeString(roster, "id,name,email,section\nalice,A,a@example.org,1\nbob,B,b@example.org,1\ncarol,C,c@example.org,1\n");
        store = new Store(Database.open(Database.defaultUrl(dir.resolve("data"))));
        store.enrol(RosterFile.read(roster));
        tokens = Map.of("alice", store.issueToken("alice"), "bob", store.issueToken("bob"), "carol", store.issueToken("carol"));
    }

    private HttpResponse<String> upload(int port, String token, byte[] zip) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/submissions"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every acknowledged id is stored, with a blob whose bytes still hash to its name. */
    private void assertAllPresentAndWhole(Set<String> acknowledged) throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("data/blobs"));
        for (String id : acknowledged) {
            StoredSubmission s = store.submission(id).orElseThrow(() -> new AssertionError("acknowledged " + id + " is gone"));
            byte[] bytes = Files.readAllBytes(blobs.path(s.blobSha256()));
            assertEquals(s.blobSha256(), HexFormat.of().formatHex(Tokens.sha256(bytes)), "a half-stored upload: " + id);
        }
    }

    private int count(String sql) throws Exception {
        try (var c = store.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void killedDuringUploadsLosesNoAcknowledgedSubmission() throws Exception {
        setUp();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(15);
        AtomicBoolean stop = new AtomicBoolean();
        ServerProcess server = new ServerProcess(roster, dir.resolve("data"), 0, 5);
        ExecutorService students = Executors.newFixedThreadPool(3);
        try {
            for (String student : tokens.keySet()) {
                students.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        // A different file each time: every upload writes a new blob.
                        byte[] zip = Fixture.zip(Map.of("SafeCounter.java", Fixture.utf8(
                                Files.readString(Fixture.SAFE_COUNTER) + "\n// " + student + " " + i + "\n")));
                        try {
                            HttpResponse<String> r = upload(server.port, tokens.get(student), zip);
                            if (r.statusCode() == 201) {
                                acknowledged.add(Json.read(r.body(), Receipt.class).id());
                                enough.countDown();
                            }
                        } catch (java.io.IOException e) {
                            return null; // the server died under this request: not acknowledged
                        }
                    }
                    return null;
                });
            }
            assertTrue(enough.await(60, TimeUnit.SECONDS), "15 uploads acknowledged within 60 s");
            server.crash();
        } finally {
            stop.set(true);
            students.shutdown();
            assertTrue(students.awaitTermination(60, TimeUnit.SECONDS));
            server.close();
        }
        assertTrue(acknowledged.size() >= 15);
        try (ServerProcess again = new ServerProcess(roster, dir.resolve("data"), 0, 5)) {
            assertAllPresentAndWhole(acknowledged);
            // The restarted server answers for them.
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + again.port
                    + "/api/submissions")).header("Authorization", "Bearer " + tokens.get("alice")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
        assertEquals(count("SELECT COUNT(*) FROM submissions"), count("SELECT COUNT(*) FROM jobs"), "a submission without its job");
    }

    @Test
    void killedDuringGradingGradesEverySubmissionExactlyOnce() throws Exception {
        setUp();
        byte[] zip = Fixture.safeCounterZip();
        List<String> ids;
        try (ServerProcess server = new ServerProcess(roster, dir.resolve("data"), 1, 2)) {
            ids = List.of(Json.read(upload(server.port, tokens.get("alice"), zip).body(), Receipt.class).id(),
                    Json.read(upload(server.port, tokens.get("bob"), zip).body(), Receipt.class).id());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count("SELECT COUNT(*) FROM jobs WHERE state = 'running'") == 0) {
                assertTrue(System.nanoTime() < end, "no grading started within 60 s:\n" + server.output());
                Thread.sleep(50);
            }
            assertEquals(0, count("SELECT COUNT(*) FROM results"), "killed before any result");
            server.crash();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM jobs WHERE state = 'running'"), "the dead server's job stays leased");
        try (ServerProcess again = new ServerProcess(roster, dir.resolve("data"), 1, 2)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (count("SELECT COUNT(*) FROM jobs WHERE state = 'done'") < 2) {
                assertTrue(System.nanoTime() < end, "not both graded within 150 s of the restart:\n" + again.output());
                Thread.sleep(200);
            }
        }
        assertAllPresentAndWhole(Set.copyOf(ids));
        for (String id : ids) {
            assertEquals(1, count("SELECT COUNT(*) FROM results WHERE submission_id = '" + id + "'"), "graded once: " + id);
            var g = GradingJson.read(store.submission(id).orElseThrow().gradingJson());
            assertEquals(10.0, g.score(), "the reference passes");
        }
        assertEquals(2, count("SELECT MAX(attempts) FROM jobs"), "the killed grading was taken over once");
    }

    /** The workers keep their own data folder: the files come from the database, as on another machine. */
    @Test
    void aWorkerKilledMidGradeHasItsJobTakenOverAndGradedOnce() throws Exception {
        try (Fixture f = Fixture.sqlite(dir, 0, (z, x, s) -> {
            throw new AssertionError("the server does not grade here");
        })) {
            store = f.store;
            String id = Json.read(f.postZip(f.alice, Fixture.safeCounterZip()).body(), Receipt.class).id();
            String url = "jdbc:sqlite:" + dir.resolve("service.db");
            try (ServerProcess worker = ServerProcess.worker(url, dir.resolve("worker-data"), 1.5)) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (count("SELECT COUNT(*) FROM jobs WHERE state = 'running'") == 0) {
                    assertTrue(System.nanoTime() < end, "the worker did not start grading within 60 s:\n" + worker.output());
                    Thread.sleep(50);
                }
                worker.crash();
            }
            assertEquals(0, count("SELECT COUNT(*) FROM results"));
            try (ServerProcess rescuer = ServerProcess.worker(url, dir.resolve("worker-data"), 1.5)) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                while (count("SELECT COUNT(*) FROM jobs WHERE state = 'done'") < 1) {
                    assertTrue(System.nanoTime() < end, "not graded within 150 s:\n" + rescuer.output());
                    Thread.sleep(200);
                }
            }
            assertEquals(1, count("SELECT COUNT(*) FROM results WHERE submission_id = '" + id + "'"));
            assertEquals(2, count("SELECT attempts FROM jobs WHERE submission_id = '" + id + "'"));
            assertEquals(10.0, GradingJson.read(store.submission(id).orElseThrow().gradingJson()).score());
        }
    }
}
