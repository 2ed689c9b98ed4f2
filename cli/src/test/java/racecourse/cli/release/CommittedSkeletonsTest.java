package racecourse.cli.release;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skeletons committed in exercises/ are exactly what `bin/racecourse release` generates now. */
class CommittedSkeletonsTest {
    private static final List<String> EXERCISES = List.of("BoundedBuffer", "BoundedFetcher", "CachingProxy", "CountingSemaphore", "DiningTable",
            "FairReadWriteLock", "LockFreeStack", "Memoizer", "OutcomeTable", "ParallelSum", "Pipeline", "PrethreadedEchoServer", "ReusableBarrier",
            "SafeCounter", "SelectorEchoServer");

    @Test
    void thereIsASolutionASkeletonAndAStatementPerExercise() throws Exception {
        TreeSet<String> solutions = javaNames(Repo.SOLUTIONS);
        TreeSet<String> skeletons = javaNames(Repo.EXERCISES);
        assertEquals(new TreeSet<>(EXERCISES), solutions, "solutions");
        assertEquals(new TreeSet<>(EXERCISES), skeletons, "exercises");
        for (String e : EXERCISES) {
            assertTrue(Files.isRegularFile(Repo.EXERCISES.resolve(e + ".md")), "no statement exercises/" + e + ".md");
        }
        assertTrue(Files.isRegularFile(Repo.EXERCISES.resolve("README.md")), "no exercises/README.md");
    }

    @Test
    void committedSkeletonsAreUpToDate() throws Exception {
        Map<String, String> wanted = ReleaseCommand.generateAll(Repo.SOLUTIONS);
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Path committed = Repo.EXERCISES.resolve(e.getKey());
            if (!Files.isRegularFile(committed)
                    || !Files.readString(committed, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        assertEquals(List.of(), stale, "exercises/ is out of date with solutions/: run 'bin/racecourse release' and commit");
    }

    @Test
    void noSkeletonContainsAMarkerOrLacksATodo() throws Exception {
        for (String e : EXERCISES) {
            String text = Files.readString(Repo.EXERCISES.resolve(e + ".java"), StandardCharsets.UTF_8);
            assertTrue(!text.contains("BEGIN SOLUTION") && !text.contains("END SOLUTION"), e);
            assertTrue(text.contains(SkeletonGenerator.TODO), e + " has nothing for the student to do");
        }
    }

    static TreeSet<String> javaNames(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            TreeSet<String> names = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 5)));
            return names;
        }
    }
}
