package racecourse.server;

import racecourse.grader.batch.RosterFile;
import racecourse.grader.course.Course;
import racecourse.server.queue.GradingFunction;
import racecourse.server.store.Database;
import racecourse.server.store.Principal;
import racecourse.server.store.Store;
import racecourse.server.upload.UploadLimits;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A running service on 127.0.0.1 with a fresh database, students alice, bob and carol, and their tokens. */
final class Fixture implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("racecourse.home", "..")).toAbsolutePath().normalize();
    static final Path SAFE_COUNTER = HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java");

    final Path dir;
    final Database db;
    final Store store;
    final SubmissionServer server;
    final String alice;
    final String bob;
    final String instructor;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Fixture(Path dir, String dbUrl, Course course, int workers, UploadLimits limits, GradingFunction grading) throws Exception {
        this.dir = dir;
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "id,name,email,section\nalice,Alice A,alice@example.org,1\nbob,Bob B,bob@example.org,1\n"
                + "carol,Carol C,carol@example.org,2\n");
        db = Database.open(dbUrl);
        store = new Store(db);
        store.enrol(RosterFile.read(roster));
        alice = store.issueToken("alice");
        bob = store.issueToken("bob");
        instructor = store.issueToken(Principal.INSTRUCTOR_ID);
        server = SubmissionServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), dbUrl, course, workers,
                Duration.ofSeconds(30), Duration.ofMillis(200), limits), db, grading);
    }

    static Fixture sqlite(Path dir, int workers, GradingFunction grading) throws Exception {
        return new Fixture(dir, "jdbc:sqlite:" + dir.resolve("service.db"), Course.defaults(), workers, UploadLimits.defaults(), grading);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postZip(String token, byte[] zip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/submissions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] safeCounterZip() throws Exception {
        return zip(Map.of("SafeCounter.java", Files.readAllBytes(SAFE_COUNTER)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Submissions in the database and blob files on disk: what an accepted upload leaves. */
    long storedSubmissions() throws Exception {
        return store.all().size();
    }

    long storedBlobs() throws Exception {
        Path blobs = dir.resolve("data/blobs");
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (var w = Files.walk(blobs)) {
            return w.filter(Files::isRegularFile).count();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        db.close();
    }
}
