package racecourse.server;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racecourse.grader.batch.LmsExport;
import racecourse.grader.batch.Progress;
import racecourse.grader.batch.ReceivedTimes;
import racecourse.grader.batch.Regrade;
import racecourse.grader.batch.Rescore;
import racecourse.grader.batch.Shard;
import racecourse.grader.course.Course;
import racecourse.grader.course.CourseFile;
import racecourse.grader.course.ReceiveTimes;
import racecourse.grader.run.Limits;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.client.SubmitClient;
import racecourse.server.queue.GraderGrading;
import racecourse.server.upload.UploadLimits;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instructor downloads all submissions, regrades them with the grader's own batch regrade and
 * the same course file, and gets the service's gradebook byte for byte: the submission the
 * gradebook counts (alice's later SafeCounter, not her first), each exercise's own receive time
 * (alice's SafeCounter on time, her Pipeline late), an exercise never handed in (bob's Pipeline) and
 * a student with nothing (carol); and the LMS exports of both, byte for byte. Real gradings on both
 * sides: SafeCounter and Pipeline, the quick ones.
 */
class SubmissionsDownloadTest {
    @TempDir
    Path dir;

    static List<String> databases() {
        return Databases.kinds();
    }

    static final Path PIPELINE = Fixture.HOME.resolve("solutions/src/main/java/exercises/Pipeline.java");
    static final Path OFF_BY_ONE = Fixture.HOME.resolve("autograder/corpus/SafeCounter/off-by-one/SafeCounter.java");

    @ParameterizedTest
    @MethodSource("databases")
    void aRegradeOfTheDownloadGivesTheServicesGradebook(String kind) throws Exception {
        // Both deadlines 15 s ahead (the worker grades the first submissions meanwhile), in whole seconds as a course file writes them.
        Instant deadline = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        String local = LocalDateTime.ofInstant(deadline, ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        Path courseFile = Files.writeString(dir.resolve("course.toml"), """
                time_zone = "UTC"
                exercises = ["SafeCounter", "Pipeline"]
                [late]
                percent_per_day = 10
                max_percent = 50
                [exercise.SafeCounter]
                deadline = %s
                [exercise.Pipeline]
                deadline = %s
                """.formatted(local, local));
        Course course = CourseFile.read(courseFile);
        try (Fixture f = new Fixture(dir, Databases.fresh(kind, dir), course, 1, UploadLimits.defaults(),
                new GraderGrading(Fixture.HOME, 1))) {
            SubmitClient alice = new SubmitClient(f.uri("/"), f.alice);
            SubmitClient bob = new SubmitClient(f.uri("/"), f.bob);
            Receipt first = alice.submit(List.of(OFF_BY_ONE));
            Receipt counted = alice.submit(List.of(Fixture.SAFE_COUNTER));
            assertFalse(counted.late(), "the on-time submissions took more than 15 s to be acknowledged");
            // Until the deadline has passed (bounded: it is at most 15 s away).
            for (int i = 0; i < 200 && !Instant.now().isAfter(deadline.plusMillis(50)); i++) {
                Thread.sleep(100);
            }
            Receipt pipeline = alice.submit(List.of(PIPELINE));
            Receipt bobs = bob.submit(List.of(Fixture.SAFE_COUNTER));
            assertTrue(pipeline.late() && bobs.late(), pipeline + " " + bobs);
            for (Receipt r : List.of(first, counted, pipeline)) {
                assertEquals(SubmissionStatus.State.GRADED, alice.await(r.id(), Duration.ofSeconds(150)).state(), r.id());
            }
            assertEquals(SubmissionStatus.State.GRADED, bob.await(bobs.id(), Duration.ofSeconds(150)).state());

            // Only the instructor downloads it.
            assertEquals(401, download(f, null).statusCode());
            assertEquals(401, download(f, "not-a-token").statusCode());
            assertEquals(403, download(f, f.alice).statusCode());
            HttpResponse<byte[]> zip = download(f, f.instructor);
            assertEquals(200, zip.statusCode());
            assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));

            Path root = Files.createDirectories(dir.resolve("root"));
            unzip(zip.body(), root);
            assertArrayEquals(Files.readAllBytes(Fixture.SAFE_COUNTER), Files.readAllBytes(root.resolve("alice/SafeCounter.java")),
                    "the later SafeCounter, the one the gradebook counts");
            assertArrayEquals(Files.readAllBytes(PIPELINE), Files.readAllBytes(root.resolve("alice/Pipeline.java")));
            assertTrue(Files.isRegularFile(root.resolve("bob/SafeCounter.java")));
            assertFalse(Files.exists(root.resolve("bob/Pipeline.java")));
            try (var carol = Files.list(root.resolve("carol"))) {
                assertEquals(0, carol.count(), "carol submitted nothing: an empty folder");
            }
            assertEquals(List.of("student,exercise,submitted_at",
                            "\"alice\",SafeCounter," + counted.receivedAt(),
                            "\"alice\",Pipeline," + pipeline.receivedAt(),
                            "\"bob\",SafeCounter," + bobs.receivedAt()),
                    Files.readAllLines(root.resolve(ReceiveTimes.CSV_NAME)));

            // What `racecourse regrade ROOT --out OUT --course course.toml` does.
            Path out = dir.resolve("out");
            Regrade.Outcome o = Regrade.run(new Regrade.Request(root, out, 1, Shard.parse("1/1"), 1, false, 0, course.exercises(),
                    Limits.defaults(), Fixture.HOME), Progress.SILENT);
            assertEquals(List.of(), o.errors());
            ReceivedTimes.of(ReceiveTimes.fromCsv(root.resolve(ReceiveTimes.CSV_NAME))).write(out);
            Rescore.run(out, course);

            String service = f.get("/api/gradebook.csv", f.instructor).body();
            String regraded = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
            assertEquals(service, regraded);
            List<String> rows = regraded.lines().toList();
            assertEquals(4, rows.size(), regraded);
            // alice: SafeCounter on time (10), Pipeline seconds late (one started day: 10 %, 9): 19.
            assertTrue(rows.get(1).startsWith("\"alice\",10,0,0,10,10,0,10,9,19,"), rows.get(1));
            // bob: SafeCounter late (9), Pipeline not submitted (0).
            assertTrue(rows.get(2).startsWith("\"bob\",10,0,10,9,0,,0,0,9,"), rows.get(2));
            assertEquals("\"carol\",0,,0,0,0,,0,0,0,\"nothing gradable: no exercise file in the submission\"", rows.get(3));

            // The LMS files: the service's and `racecourse export OUT --course course.toml --roster roster.csv`'s, byte for
            // byte; bob's Pipeline (never handed in) and carol (nothing) are empty cells in both, not zeros.
            for (LmsExport.Format format : LmsExport.Format.values()) {
                Path to = dir.resolve(format + ".csv");
                LmsExport.write(out, format, dir.resolve("roster.csv"), to, course);
                assertEquals(ClassGradebook.lms(f.server.service(), format), Files.readString(to, StandardCharsets.UTF_8), format.name());
            }
            assertEquals("\"Student\",\"ID\",\"SIS User ID\",\"SIS Login ID\",\"Section\",\"SafeCounter\",\"Pipeline\"\r\n"
                    + "\"    Points Possible\",\"\",\"\",\"\",\"\",10,10\r\n"
                    + "\"Alice A\",\"\",\"\",\"alice@example.org\",\"1\",10,9\r\n"
                    + "\"Bob B\",\"\",\"\",\"bob@example.org\",\"1\",9,\r\n"
                    + "\"Carol C\",\"\",\"\",\"carol@example.org\",\"2\",,\r\n",
                    Files.readString(dir.resolve("CANVAS.csv"), StandardCharsets.UTF_8));
        }
    }

    private static HttpResponse<byte[]> download(Fixture f, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri("/api/submissions.zip")).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return f.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Unzips, checking that every entry stays inside {@code root}. */
    static void unzip(byte[] zip, Path root) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = root.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(root) && !target.equals(root), "entry outside the root: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }
}
