package racecourse.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.course.ReceiveTimes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile names never leave the zip's root: they are left out and listed; odd but safe names round-trip. */
class SubmissionsZipTest {
    @TempDir
    Path dir;

    static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");

    @Test
    void unsafeStudentIdsAndExerciseNamesAreLeftOutAndListed() throws Exception {
        Map<String, List<SubmissionsZip.File>> wanted = new LinkedHashMap<>();
        List<String> hostile = List.of("../evil", "..", ".", "a/b", "a\\b", "/abs", ".hidden", "C:evil", "", "x\ny",
                "gradebook.csv", "submissions.csv");
        for (String id : hostile) {
            wanted.put(id, List.of(file("SafeCounter")));
        }
        String odd = "d, \"a\" \u00fc";
        wanted.put(odd, List.of(file("SafeCounter")));
        wanted.put("ok", List.of(file("SafeCounter"), file("../../Pipeline"), file("Nope")));
        SubmissionsZip.Plan plan = SubmissionsZip.plan(wanted);
        assertEquals(List.of(odd, "ok"), new ArrayList<>(plan.students().keySet()));
        assertEquals(hostile.size() + 2, plan.skipped().size(), String.join("\n", plan.skipped()));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] stored = Fixture.zip(Map.of("SafeCounter.java", Fixture.utf8("class SafeCounter {}")));
        SubmissionsZip.write(plan, sha -> stored, bytes);
        Path root = Files.createDirectories(dir.resolve("root"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
                Path target = root.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(root) && !target.equals(root), e.getName());
            }
        }
        assertEquals(List.of("submissions.csv", ".skipped.txt", odd + "/", odd + "/SafeCounter.java", "ok/", "ok/SafeCounter.java"), names);
        SubmissionsDownloadTest.unzip(bytes.toByteArray(), root);
        String skipped = Files.readString(root.resolve(SubmissionsZip.SKIPPED));
        assertTrue(skipped.contains("student ../evil: ") && skipped.contains("student x\\u000ay: ")
                && skipped.contains("exercise ../../Pipeline: not an exercise of the grader"), skipped);
        // The receive times read back with the grader's own reader, the odd id included.
        var times = ReceiveTimes.fromCsv(root.resolve(ReceiveTimes.CSV_NAME));
        assertEquals(AT, times.get(odd).of("SafeCounter").at());
        assertEquals(AT, times.get("ok").of("SafeCounter").at());
        assertEquals(2, times.size());
    }

    static SubmissionsZip.File file(String exercise) {
        return new SubmissionsZip.File(exercise, "id-" + exercise, "0".repeat(64), AT);
    }
}
