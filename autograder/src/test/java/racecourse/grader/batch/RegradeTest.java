package racecourse.grader.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generated class regraded through the real grader (child JVMs); then incremental, forced and sharded runs. */
class RegradeTest {
    @Test
    void gradesAClassThenOnlyWhatChangedThenEverythingWhenForced(@TempDir Path tmp) throws Exception {
        Path root = ClassFixture.make(tmp.resolve("root"));
        Path out = tmp.resolve("out");
        ClassFixture.Recorder first = new ClassFixture.Recorder();
        Regrade.Outcome o = Regrade.run(ClassFixture.request(root, out, Shard.ALL, false), first);
        assertEquals(List.of(), o.errors());
        assertEquals(6, o.students());
        assertEquals(5, first.toGrade, first.lines.toString());
        List<String> csv = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8).lines().toList();
        assertEquals("\uFEFF\"student\",\"SafeCounter\",\"total\",\"review\"", csv.get(0));
        assertEquals("\"alice\",10,10,\"\"", csv.get(1));
        assertEquals("\"bob\",3.33,3.33,\"\"", csv.get(2));
        assertEquals("\"carol\",0,0,\"\"", csv.get(3));
        assertEquals("\"d a \u00fc\",10,10,\"\"", csv.get(4));
        assertEquals("\"empty\",0,0,\"nothing gradable: no exercise file in the submission\"", csv.get(5));
        assertTrue(csv.get(6).startsWith("\"zed\",,,\"not graded: cannot read zed.zip: not a readable zip"), csv.get(6));
        assertEquals(7, csv.size());
        assertTrue(first.lines.stream().anyMatch(l -> l.startsWith("zed: not graded")), first.lines.toString());
        // Per student, the files of `racecourse grade`, with its verdicts.
        String bob = Files.readString(out.resolve("bob/results.json"));
        assertTrue(bob.contains("\"verdict:functional\""), bob);
        assertTrue(Files.readString(out.resolve("carol/feedback.md")).contains("failed (compile)"));
        assertTrue(Files.readString(out.resolve("zed/results.json")).contains("not a readable zip"));
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| SafeCounter | 4 |") && summary.contains("compile") && summary.contains("functional"), summary);
        assertTrue(isPng(out.resolve("totals.png")));
        byte[] gradebook = Files.readAllBytes(out.resolve("gradebook.csv"));

        // Nothing changed: nothing graded, the same gradebook.
        ClassFixture.Recorder again = new ClassFixture.Recorder();
        Regrade.run(ClassFixture.request(root, out, Shard.ALL, false), again);
        assertEquals(0, again.toGrade);
        assertEquals(5, again.cached);
        assertArrayEquals(gradebook, Files.readAllBytes(out.resolve("gradebook.csv")));

        // bob fixes his bug: only bob is graded again.
        ClassFixture.write(root.resolve("bob/src/SafeCounter.java"), ClassFixture.REFERENCE);
        ClassFixture.Recorder fixed = new ClassFixture.Recorder();
        Regrade.run(ClassFixture.request(root, out, Shard.ALL, false), fixed);
        assertEquals(1, fixed.toGrade);
        assertTrue(fixed.lines.contains("bob SafeCounter 10.0"), fixed.lines.toString());
        assertTrue(Files.readString(out.resolve("gradebook.csv")).contains("\"bob\",10,10,\"\""));

        // --force grades all again; no record is duplicated, no temporary file left.
        ClassFixture.Recorder forced = new ClassFixture.Recorder();
        Regrade.run(ClassFixture.request(root, out, Shard.ALL, true), forced);
        assertEquals(5, forced.toGrade);
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertFalse(all.stream().anyMatch(AtomicFiles::isTemporary), all.toString());
            assertEquals(5, all.stream().filter(p -> p.toString().contains("records")).count(), all.toString());
        }
    }

    @Test
    void threeShardsMergedGiveTheBytesOfOneRun(@TempDir Path tmp) throws Exception {
        Path root = ClassFixture.make(tmp.resolve("root"));
        Regrade.run(ClassFixture.request(root, tmp.resolve("single"), Shard.ALL, false), Progress.SILENT);
        int students = 0;
        for (int k = 1; k <= 3; k++) {
            Regrade.Outcome o = Regrade.run(ClassFixture.request(root, tmp.resolve("shard" + k), new Shard(k, 3), false), Progress.SILENT);
            students += o.students();
        }
        assertEquals(6, students);
        Merge.merge(List.of(tmp.resolve("shard3"), tmp.resolve("shard1"), tmp.resolve("shard2")), tmp.resolve("merged"));
        for (String f : List.of("gradebook.csv", "summary.md", "totals.png", ".racecourse/manifest.json")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("single").resolve(f)), Files.readAllBytes(tmp.resolve("merged").resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(tmp.resolve("merged/d a \u00fc/results.json")));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Merge.merge(List.of(tmp.resolve("shard1"), tmp.resolve("shard3")), tmp.resolve("m2")));
        assertTrue(missing.getMessage().contains("shard 2/3 missing"), missing.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Merge.merge(List.of(tmp.resolve("shard1"), tmp.resolve("shard1"), tmp.resolve("shard2")), tmp.resolve("m3")));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> Merge.merge(List.of(tmp.resolve("single"), tmp.resolve("shard1")), tmp.resolve("m4")));
        assertTrue(mixed.getMessage().contains("not shards of one regrade"), mixed.getMessage());
    }

    @Test
    void anErrorInATaskLeavesTheStudentWithResultsAndFailedAndInterruptedAreCountedApart(@TempDir Path tmp) throws Exception {
        Path root = ClassFixture.make(tmp.resolve("root"));
        Path out = tmp.resolve("out");
        ClassFixture.Recorder progress = new ClassFixture.Recorder();
        Regrade.Request req = ClassFixture.request(root, out, Shard.ALL, false);
        // The grader itself failing (an Error, not an Exception) for bob; the run interrupted for carol.
        Regrade.Outcome o = Regrade.run(req, progress, (student, path, exercise, key, notes) -> switch (student) {
            case "bob" -> throw new StackOverflowError("deep in the grader");
            case "carol" -> throw new InterruptedException();
            default -> Regrade.grade(student, path, exercise, key, notes, req);
        });
        assertEquals(3, o.graded(), progress.lines.toString());
        assertEquals(1, o.failed());
        assertEquals(1, o.interrupted());
        assertEquals(List.of("bob SafeCounter: could not grade: java.lang.StackOverflowError: deep in the grader"), o.errors());
        assertTrue(progress.lines.contains("bob SafeCounter FAILED java.lang.StackOverflowError: deep in the grader"), progress.lines.toString());
        assertTrue(progress.lines.contains("carol SafeCounter INTERRUPTED interrupted"), progress.lines.toString());
        // Both still get results: score 0 and why.
        String bob = Files.readString(out.resolve("bob/feedback.md"));
        assertTrue(bob.contains("the grader failed on this exercise (java.lang.StackOverflowError: deep in the grader)"), bob);
        String carol = Files.readString(out.resolve("carol/results.json"));
        assertTrue(carol.contains("interrupted before this exercise was graded"), carol);
        assertTrue(Files.readString(out.resolve("gradebook.csv")).contains("\"bob\",,0,\"not graded yet: 1 exercise(s) missing"));

        // Nothing was stored for them: the next run grades exactly those two.
        ClassFixture.Recorder again = new ClassFixture.Recorder();
        Regrade.Outcome second = Regrade.run(req, again);
        assertEquals(2, again.toGrade);
        assertEquals(2, second.graded());
        assertEquals(0, second.failed() + second.interrupted());
        assertEquals(List.of(), second.errors());
        assertTrue(Files.readString(out.resolve("gradebook.csv")).contains("\"bob\",3.33,3.33,\"\""));
    }

    @Test
    void anEmptyRootIsOneClearError(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("root/readme.txt"), "not a student");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regrade.run(ClassFixture.request(tmp.resolve("root"), tmp.resolve("out"), Shard.ALL, false), Progress.SILENT));
        assertTrue(e.getMessage().contains("holds no student folders or zips"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out/gradebook.csv")));
    }

    private static boolean isPng(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        return b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }
}
