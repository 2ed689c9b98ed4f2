package racecourse.server.client;

import racecourse.server.api.ApiError;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A student's side of the API (java.net.http): send files, read the receipt, wait for the verdicts.
 * Used by {@code racecourse submit} and, through it, by the notebook's {@code %submit}.
 */
public final class SubmitClient {
    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A refusal or failure of the server, with its one line. */
    public static final class Refused extends IOException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public SubmitClient(URI server, String token) {
        this.server = server;
        this.token = token;
    }

    /** The token in {@code file}: its first non-blank line. */
    public static String readToken(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()
                && !l.startsWith("#")).findFirst().orElseThrow(() -> new IOException(file + " holds no token"));
    }

    /** Sends {@code files} (.java files, or one .zip) and returns the receipt. */
    public Receipt submit(List<Path> files) throws IOException, InterruptedException {
        byte[] zip = files.size() == 1 && files.get(0).toString().endsWith(".zip") ? Files.readAllBytes(files.get(0)) : zip(files);
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/submissions"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        // 503: the server's database was away and nothing was stored; a few bounded retries ride out a restart.
        for (int retry = 0; retry < 3 && r.statusCode() == 503; retry++) {
            long wait = r.headers().firstValue("Retry-After").map(SubmitClient::seconds).orElse(5L);
            Thread.sleep(Math.min(10, Math.max(1, wait)) * 1000);
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return Json.read(expect(r, 201), Receipt.class);
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    public SubmissionStatus status(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve("/api/submissions/" + id))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.read(expect(r, 200), SubmissionStatus.class);
    }

    /** Polls until graded or failed, at most {@code limit}; the last status seen. */
    public SubmissionStatus await(String id, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        long pause = 200;
        while (true) {
            SubmissionStatus s = status(id);
            if (s.state() == SubmissionStatus.State.GRADED || s.state() == SubmissionStatus.State.FAILED || System.nanoTime() > end) {
                return s;
            }
            Thread.sleep(pause);
            pause = Math.min(2000, pause * 2);
        }
    }

    private static String expect(HttpResponse<String> r, int status) throws Refused {
        if (r.statusCode() == status) {
            return r.body();
        }
        String message;
        try {
            message = Json.read(r.body(), ApiError.class).message();
        } catch (IllegalArgumentException e) {
            message = "HTTP " + r.statusCode();
        }
        if (r.statusCode() == 429) {
            message += r.headers().firstValue("Retry-After").map(s -> " (Retry-After: " + s + " s)").orElse("");
        }
        throw new Refused(r.statusCode(), "the server refused (" + r.statusCode() + "): " + message);
    }

    static byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new java.nio.file.NoSuchFileException(f.toString());
                }
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
