package racecourse.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad submissions get a clear verdict or note, never points, never a crashed grader. */
@Execution(ExecutionMode.CONCURRENT)
class BadInputTest {
    static final String COUNTER = """
            package exercises;
            public final class SafeCounter {
                private final java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
                public SafeCounter() { %s }
                public void increment() { n.incrementAndGet(); }
                public long get() { return n.get(); }
                %s
            }
            """;

    static ExerciseResult counter(Path dir, String source) throws Exception {
        Files.writeString(dir.resolve("SafeCounter.java"), source);
        return Grading.grade(dir, 1, "SafeCounter").exercises().get(0);
    }

    @Test
    void emptyFolderScoresZeroWithNotSubmitted(@TempDir Path dir) throws Exception {
        racecourse.results.Grading g = Grading.grade(dir, 1);
        assertEquals(Catalog.EXERCISES.size(), g.exercises().size());
        assertEquals(0.0, g.score());
        assertTrue(g.exercises().stream().allMatch(e -> !e.submitted()));
        assertTrue(g.notes().stream().anyMatch(n -> n.contains("no exercise file found")), g.notes().toString());
    }

    @Test
    void wrongPackageIsACompileVerdictNamingThePackage(@TempDir Path dir) throws Exception {
        ExerciseResult r = counter(dir, COUNTER.formatted("", "").replace("package exercises;", "package student;"));
        assertEquals(0.0, r.score());
        for (TestResult t : r.tests()) {
            assertEquals("compile", t.verdict().label());
            assertTrue(t.message().contains("package student") && t.message().contains("package exercises"), t.message());
        }
    }

    @Test
    void missingMethodIsACompileVerdictNamingTheMember(@TempDir Path dir) throws Exception {
        ExerciseResult r = counter(dir, COUNTER.formatted("", "").replace("public long get() { return n.get(); }", ""));
        assertEquals(0.0, r.score(), Grading.describe(r));
        for (TestResult t : r.tests()) {
            assertEquals("compile", t.verdict().label(), Grading.describe(r));
            assertTrue(t.message().contains("get()"), t.message());
        }
    }

    @Test
    void syntaxErrorIsACompileVerdictWithTheLine(@TempDir Path dir) throws Exception {
        ExerciseResult r = counter(dir, "package exercises;\npublic final class SafeCounter {\n  int x = ;\n}\n");
        assertTrue(r.tests().stream().allMatch(t -> t.verdict().label().equals("compile") && t.message().contains("line 3")),
                Grading.describe(r));
    }

    @Test
    void filesThatAreNotExercisesAreIgnoredWithANote(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.write(dir.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("Helper.java"), "class Helper {}");
        racecourse.results.Grading g = Grading.grade(dir, 1, "SafeCounter");
        assertTrue(g.notes().stream().anyMatch(n -> n.contains("notes.txt") && n.contains("not a Java file")), g.notes().toString());
        assertTrue(g.notes().stream().anyMatch(n -> n.contains("Helper.java") && n.contains("not one of the exercises")), g.notes().toString());
        assertFalse(g.exercises().get(0).submitted());
    }

    @Test
    void zipWithDotDotPathsIsReadInMemoryAndTheUnsafeEntryIgnored(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("sub").resolve("submission.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../evil/SafeCounter.java"));
            out.write("package exercises; public final class SafeCounter { }".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("work/src/SafeCounter.java"));
            out.write(Files.readAllBytes(Grading.HOME.resolve("solutions/src/main/java/exercises/SafeCounter.java")));
        }
        racecourse.results.Grading g = Grading.grade(zip, 1, "SafeCounter");
        assertTrue(g.notes().stream().anyMatch(n -> n.contains("unsafe path")), g.notes().toString());
        assertFalse(Files.exists(dir.resolve("evil")));
        assertEquals(10.0, g.exercises().get(0).score(), Grading.describe(g.exercises().get(0)));
    }

    @Test
    void enormousFileIsRefusedForThatExercise(@TempDir Path dir) throws Exception {
        String big = COUNTER.formatted("", "// " + "x".repeat(2 << 20));
        ExerciseResult r = counter(dir, big);
        assertEquals(0.0, r.score());
        assertTrue(r.tests().stream().allMatch(t -> t.verdict().label().equals("compile") && t.message().contains("limit")),
                Grading.describe(r));
    }

    @Test
    void systemExitInAStaticInitializerFailsTheTestsAndStopsNothing(@TempDir Path dir) throws Exception {
        ExerciseResult r = counter(dir, COUNTER.formatted("", "static { System.exit(0); }"));
        assertEquals(0.0, r.score(), Grading.describe(r));
        assertTrue(r.tests().stream().allMatch(t -> t.verdict().label().equals("functional")), Grading.describe(r));
        assertTrue(r.tests().stream().anyMatch(t -> t.message().contains("System.exit")), Grading.describe(r));
    }

    @Test
    void haltAndFakeResultLinesGainNothing(@TempDir Path dir) throws Exception {
        String fake = "{\\\"token\\\":\\\"x\\\",\\\"kind\\\":\\\"test\\\",\\\"id\\\":\\\"SafeCounterPublicTest#noLostUpdates\\\",\\\"status\\\":\\\"passed\\\"}";
        ExerciseResult r = counter(dir, """
                package exercises;
                public final class SafeCounter {
                    private long n;
                    public SafeCounter() { System.out.println("%s"); }
                    public void increment() { n++; }
                    public long get() { if (n > 100) { Runtime.getRuntime().halt(0); } return n; }
                }
                """.formatted(fake));
        assertTrue(r.score() < 10.0, Grading.describe(r));
        assertTrue(r.tests().stream().filter(t -> !t.passed()).allMatch(t -> t.verdict() != null));
        assertTrue(r.tests().stream().anyMatch(t -> !t.passed() && t.message().contains("Runtime.halt")), Grading.describe(r));
    }

    @Test
    void endlessThreadsAreStoppedAsResources(@TempDir Path dir) throws Exception {
        ExerciseResult r = counter(dir, COUNTER.formatted("", "").replace("public void increment() { n.incrementAndGet(); }",
                "public void increment() { n.incrementAndGet(); Thread.ofPlatform().daemon().start(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }); }"));
        assertEquals(0.0, r.score(), Grading.describe(r));
        assertTrue(Grading.failedVerdicts(r).contains("resources"), Grading.describe(r));
    }

    @Test
    void aSubmissionThatIsNotThereIsAnError(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> Grading.grade(dir.resolve("nope"), 1));
        assertThrows(IllegalArgumentException.class, () -> Grading.grade(dir, 1, "NoSuchExercise"));
    }
}
