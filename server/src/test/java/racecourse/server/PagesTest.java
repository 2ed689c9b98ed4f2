package racecourse.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web pages over real HTTP: log-in, cookie flags, CSRF on every form, own pages only, the instructor's grid. */
class PagesTest {
    @TempDir
    static Path dir;
    static Fixture f;

    @BeforeAll
    static void start() throws Exception {
        f = Fixture.sqlite(dir, 0, (z, x, s) -> {
            throw new AssertionError("nothing is graded here");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    record Browser(String cookie, String csrf) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "a form without its CSRF token: " + html);
        return m.group(1);
    }

    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers().allValues("Set-Cookie")));
    }

    static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    HttpResponse<String> send(String method, String path, String cookie, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return f.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String cookie, String... pairs) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            s.append(s.isEmpty() ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send("POST", path, cookie, "application/x-www-form-urlencoded", s.toString().getBytes(StandardCharsets.UTF_8));
    }

    Browser login(String token) throws Exception {
        HttpResponse<String> page = send("GET", "/", null, null, null);
        assertEquals(200, page.statusCode());
        String pre = cookie(page, "rc_login");
        HttpResponse<String> r = form("/login", "rc_login=" + value(pre), "_csrf", csrf(page.body()), "token", token);
        assertEquals(302, r.statusCode(), r.body());
        String session = cookie(r, "rc_session");
        assertTrue(session.contains("HttpOnly"), session);
        assertTrue(session.contains("SameSite=Strict"), session);
        String c = "rc_session=" + value(session);
        HttpResponse<String> me = send("GET", r.headers().firstValue("Location").orElseThrow(), c, null, null);
        assertEquals(200, me.statusCode(), me.body());
        return new Browser(c, csrf(me.body()));
    }

    static byte[] multipart(String boundary, String csrf, String fileName, byte[] file) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String head = (csrf == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/x-java\r\n\r\n";
        b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(file);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    void logInRefusesAStaleFormAndAWrongToken() throws Exception {
        HttpResponse<String> page = send("GET", "/", null, null, null);
        String pre = cookie(page, "rc_login");
        assertTrue(pre.contains("HttpOnly") && pre.contains("SameSite=Strict"), pre);
        assertEquals(403, form("/login", null, "_csrf", csrf(page.body()), "token", f.alice).statusCode(), "no log-in cookie");
        assertEquals(403, form("/login", "rc_login=" + value(pre), "_csrf", "forged", "token", f.alice).statusCode());
        assertEquals(401, form("/login", "rc_login=" + value(pre), "_csrf", csrf(page.body()), "token", "wrong").statusCode());
        HttpResponse<String> anonymous = send("GET", "/me", null, null, null);
        assertEquals(302, anonymous.statusCode());
        assertEquals("/", anonymous.headers().firstValue("Location").orElseThrow());
        assertEquals(302, send("GET", "/me", "rc_session=forged", null, null).statusCode());
    }

    @Test
    void aStudentSubmitsFromTheFormAndSeesOnlyTheirOwn() throws Exception {
        Browser alice = login(f.alice);
        byte[] source = Files.readAllBytes(Fixture.SAFE_COUNTER);
        String boundary = "b0undary";
        HttpResponse<String> noCsrf = send("POST", "/submit", alice.cookie(), "multipart/form-data; boundary=" + boundary,
                multipart(boundary, null, "SafeCounter.java", source));
        assertEquals(403, noCsrf.statusCode(), "a form without the token");
        HttpResponse<String> forged = send("POST", "/submit", alice.cookie(), "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "forged", "SafeCounter.java", source));
        assertEquals(403, forged.statusCode());
        assertEquals(0, f.store.submissionsOf("alice").size(), "nothing stored from a refused form");

        HttpResponse<String> ok = send("POST", "/submit", alice.cookie(), "multipart/form-data; boundary=" + boundary,
                multipart(boundary, alice.csrf(), "SafeCounter.java", source));
        assertEquals(302, ok.statusCode(), ok.body());
        String where = ok.headers().firstValue("Location").orElseThrow();
        assertTrue(where.startsWith("/submissions/"), where);
        HttpResponse<String> shown = send("GET", where, alice.cookie(), null, null);
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("SafeCounter") && shown.body().contains("queued"), shown.body());
        assertTrue(send("GET", "/me", alice.cookie(), null, null).body().contains(where), "the list links it");

        HttpResponse<String> bad = send("POST", "/submit", alice.cookie(), "multipart/form-data; boundary=" + boundary,
                multipart(boundary, alice.csrf(), "../SafeCounter.java", source));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("climbs out"), bad.body());

        byte[] big = new byte[2 * 1024 * 1024];
        HttpResponse<String> tooBig = f.http.send(HttpRequest.newBuilder(f.uri("/submit")).header("Cookie", alice.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        multipart(boundary, alice.csrf(), "SafeCounter.java", big)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode(), tooBig.body());
        assertTrue(tooBig.body().contains("larger than"), tooBig.body());
        assertEquals(1, f.store.submissionsOf("alice").size(), "nothing more stored");

        Browser bob = login(f.bob);
        assertEquals(404, send("GET", where, bob.cookie(), null, null).statusCode());
        assertFalse(send("GET", "/me", bob.cookie(), null, null).body().contains(where));
        assertEquals(403, send("GET", "/class", bob.cookie(), null, null).statusCode());
        assertEquals(403, send("GET", "/class/gradebook.csv", bob.cookie(), null, null).statusCode());
        assertEquals(403, send("GET", "/class/submissions.zip", bob.cookie(), null, null).statusCode());
        assertEquals(403, send("GET", "/class/students/alice", bob.cookie(), null, null).statusCode());
        assertEquals(403, send("GET", "/class/export.csv?format=canvas", bob.cookie(), null, null).statusCode());
    }

    @Test
    void theInstructorSeesTheGridAndDownloadsTheGradebook() throws Exception {
        Browser teacher = login(f.instructor);
        HttpResponse<String> grid = send("GET", "/class", teacher.cookie(), null, null);
        assertEquals(200, grid.statusCode());
        for (String s : List.of("alice", "bob", "carol", "SafeCounter", "BoundedBuffer", "gradebook.csv", "/class/submissions.zip")) {
            assertTrue(grid.body().contains(s), s + " on the grid: " + grid.body());
        }
        assertTrue(grid.body().contains("most frequent verdicts"), grid.body());
        HttpResponse<String> history = send("GET", "/class/students/alice", teacher.cookie(), null, null);
        assertEquals(200, history.statusCode());
        assertTrue(history.body().contains("Submissions of alice"), history.body());
        HttpResponse<String> csv = send("GET", "/class/gradebook.csv", teacher.cookie(), null, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("gradebook.csv"));
        assertTrue(csv.body().startsWith("\uFEFF\"student\""), csv.body());
        HttpResponse<String> canvas = send("GET", "/class/export.csv?format=canvas", teacher.cookie(), null, null);
        assertEquals(200, canvas.statusCode());
        assertTrue(canvas.body().startsWith("\"Student\",\"ID\",\"SIS User ID\""), canvas.body());
        assertTrue(canvas.body().contains("\"Alice A\"") && canvas.body().contains("alice@example.org"), canvas.body());
        assertEquals(400, send("GET", "/class/export.csv?format=nope", teacher.cookie(), null, null).statusCode());
        HttpResponse<String> zip = send("GET", "/class/submissions.zip", teacher.cookie(), null, null);
        assertEquals(200, zip.statusCode());
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").contains("submissions.zip"));
        assertTrue(zip.body().startsWith("PK"), "a zip");
        assertEquals(403, form("/logout", teacher.cookie(), "_csrf", "forged").statusCode());
        assertEquals(302, form("/logout", teacher.cookie(), "_csrf", teacher.csrf()).statusCode());
        assertEquals(302, send("GET", "/class", teacher.cookie(), null, null).statusCode(), "logged out");
    }

    @Test
    void behindTlsTheCookiesAreSecure() throws Exception {
        try (SubmissionServer secure = SubmissionServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), "", 
                racecourse.grader.course.Course.defaults(), 0, Duration.ofSeconds(30), Duration.ofMillis(200),
                racecourse.server.upload.UploadLimits.defaults(), true), f.db, (z, x, s) -> {
                    throw new AssertionError("nothing is graded here");
                })) {
            HttpResponse<String> page = f.http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + secure.port() + "/"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(cookie(page, "rc_login").contains("Secure"), cookie(page, "rc_login"));
            assertFalse(cookie(send("GET", "/", null, null, null), "rc_login").contains("Secure"), "plain HTTP by default");
        }
    }
}
