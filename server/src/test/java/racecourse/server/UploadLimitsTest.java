package racecourse.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.course.Course;
import racecourse.server.api.ApiError;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.upload.UploadLimits;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every upload limit through real HTTP: a clear JSON error with its code, and nothing stored. */
class UploadLimitsTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void start() throws Exception {
        f = new Fixture(dir, "jdbc:sqlite:" + dir.resolve("s.db"), Course.defaults(), 0,
                new UploadLimits(64 * 1024, 3, 5, 256 * 1024, 20, 2), (z, x, s) -> {
                    throw new AssertionError("nothing is graded here");
                });
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private void refused(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        ApiError e = Json.read(r.body(), ApiError.class);
        assertEquals(code, e.error(), r.body());
        assertFalse(e.message().isBlank());
        assertFalse(e.message().contains("\n"), "one line: " + e.message());
        assertEquals(0, f.storedSubmissions(), "nothing stored in the database");
        assertEquals(0, f.storedBlobs(), "nothing stored on disk");
    }

    @Test
    void tooLarge() throws Exception {
        byte[] big = new byte[200 * 1024];
        new java.util.Random(1).nextBytes(big);
        refused(f.postZip(f.alice, big), 413, "too_large");
    }

    @Test
    void tooManyFiles() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String x : new String[] {"SafeCounter", "A", "B", "C"}) {
            m.put(x + ".java", Fixture.utf8("class " + x + " {}"));
        }
        refused(f.postZip(f.alice, Fixture.zip(m)), 400, "too_many_files");
    }

    @Test
    void tooManyZipEntries() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("SafeCounter.java", Fixture.utf8("class SafeCounter {}"));
        for (int i = 0; i < 6; i++) {
            m.put("d" + i + "/", new byte[0]);
        }
        refused(f.postZip(f.alice, Fixture.zip(m)), 400, "too_many_entries");
    }

    @Test
    void zipBomb() throws Exception {
        // 200 kB of one letter compresses to a few hundred bytes: far past 20 times its size.
        refused(f.postZip(f.alice, Fixture.zip(Map.of("SafeCounter.java", Fixture.utf8("a".repeat(200_000))))), 400, "zip_expands_too_much");
    }

    @Test
    void climbingNames() throws Exception {
        refused(f.postZip(f.alice, Fixture.zip(Map.of("../SafeCounter.java", Fixture.utf8("class SafeCounter {}")))), 400, "bad_name");
        refused(f.postZip(f.alice, Fixture.zip(Map.of("a/../../SafeCounter.java", Fixture.utf8("class SafeCounter {}")))), 400, "bad_name");
        refused(f.postZip(f.alice, Fixture.zip(Map.of("/etc/SafeCounter.java", Fixture.utf8("class SafeCounter {}")))), 400, "bad_name");
    }

    @Test
    void notUtf8() throws Exception {
        byte[] latin1 = "class SafeCounter { String s = \"caf\u00e9\"; }".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        refused(f.postZip(f.alice, Fixture.zip(Map.of("SafeCounter.java", latin1))), 400, "not_utf8");
    }

    @Test
    void notAZipNotJavaNoExercise() throws Exception {
        refused(f.postZip(f.alice, Fixture.utf8("hello")), 400, "bad_zip");
        refused(f.postZip(f.alice, Fixture.zip(Map.of("notes.txt", Fixture.utf8("hi")))), 400, "not_java");
        refused(f.postZip(f.alice, Fixture.zip(Map.of("Helper.java", Fixture.utf8("class Helper {}")))), 400, "no_exercise");
    }

    @Test
    void ratePerStudentWithRetryAfter() throws Exception {
        byte[] zip = Fixture.safeCounterZip();
        assertEquals(201, f.postZip(f.alice, zip).statusCode());
        assertEquals(201, f.postZip(f.alice, zip).statusCode());
        HttpResponse<String> third = f.postZip(f.alice, zip);
        assertEquals(429, third.statusCode(), third.body());
        assertEquals("rate_limited", Json.read(third.body(), ApiError.class).error());
        long retry = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        assertEquals(2, f.storedSubmissions(), "the refused one is not stored");
        // Another student is not held back by alice's limit.
        assertEquals(201, f.postZip(f.bob, zip).statusCode());
    }

    @Test
    void acceptedUploadIsStoredOnceByContent() throws Exception {
        HttpResponse<String> r = f.postZip(f.alice, Fixture.safeCounterZip());
        assertEquals(201, r.statusCode(), r.body());
        Receipt receipt = Json.read(r.body(), Receipt.class);
        assertEquals(java.util.List.of("SafeCounter"), receipt.exercises());
        assertFalse(receipt.late());
        assertEquals("/api/submissions/" + receipt.id(), r.headers().firstValue("Location").orElseThrow());
        // The same files in another zip (another folder, another time stamp) are the same content.
        assertEquals(201, f.postZip(f.alice, Fixture.zip(Map.of("src/exercises/SafeCounter.java",
                java.nio.file.Files.readAllBytes(Fixture.SAFE_COUNTER)))).statusCode());
        assertEquals(2, f.storedSubmissions());
        assertEquals(1, f.storedBlobs());
    }

    @Test
    void aDatabaseThatIsAwayIs503WithRetryAfter() throws Exception {
        f.db.close();
        HttpResponse<String> r = f.postZip(f.alice, Fixture.safeCounterZip());
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("database_unavailable", Json.read(r.body(), ApiError.class).error());
        assertEquals("5", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(0, f.storedBlobs());
    }

    @Test
    void tooLargeWithoutADeclaredLength() throws Exception {
        byte[] big = new byte[200 * 1024];
        new java.util.Random(2).nextBytes(big);
        // Chunked: no Content-Length, so only the limits applied while reading can stop it.
        java.net.http.HttpRequest zip = java.net.http.HttpRequest.newBuilder(f.uri("/api/submissions"))
                .header("Authorization", "Bearer " + f.alice).header("Content-Type", "application/zip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        refused(f.http.send(zip, HttpResponse.BodyHandlers.ofString()), 413, "too_large");
        String boundary = "b0undary";
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"SafeCounter.java\"\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        form.writeBytes(big);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] body = form.toByteArray();
        java.net.http.HttpRequest multipart = java.net.http.HttpRequest.newBuilder(f.uri("/api/submissions"))
                .header("Authorization", "Bearer " + f.alice).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        refused(f.http.send(multipart, HttpResponse.BodyHandlers.ofString()), 413, "too_large");
    }
}
