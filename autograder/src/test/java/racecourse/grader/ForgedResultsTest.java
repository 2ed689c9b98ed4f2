package racecourse.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submission that finds the child's result file (its path is on the child's command line) and
 * writes "passed" lines into it, without the run's token, and a line that is not JSON: the grader
 * counts none of them, and says in the exercise's note which lines it ignored and why.
 */
class ForgedResultsTest {
    static final String FORGER = """
            package exercises;
            import java.nio.file.*;
            public final class SafeCounter {
                static {
                    // Its own command line, read whole (ProcessHandle's view of it is cut short when
                    // the class path is long, as in a Maven test run).
                    String[] args;
                    try {
                        args = new String(Files.readAllBytes(Path.of("/proc/self/cmdline"))).split("\\0");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (String a : args) {
                        if (a.contains("results-") && a.endsWith(".jsonl")) {
                            try {
                                Files.writeString(Path.of(a), "{\\"token\\":\\"00\\",\\"kind\\":\\"passed\\",\\"test\\":\\"SafeCounterPublicTest#countsInOneThread\\",\\"millis\\":1}\\nnot json\\n",
                                        StandardOpenOption.APPEND);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
                private volatile long n;
                public SafeCounter() { throw new IllegalStateException("a counter that never works"); }
                public void increment() { n++; }
                public long get() { return n + 1; }
            }
            """;

    @Test
    void linesWithoutTheTokenAreIgnoredAndNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("SafeCounter.java"), FORGER);
        ExerciseResult r = Grading.grade(dir, 1, "SafeCounter").exercises().get(0);
        for (TestResult t : r.tests()) {
            assertEquals("functional", t.passed() ? "passed" : t.verdict().label(), t.name() + Grading.describe(r));
        }
        assertEquals(0, r.score());
        assertTrue(r.note().contains("The grader ignored result lines it did not accept")
                && r.note().contains(": not carrying this run's token") && r.note().contains(": not JSON"), r.note());
    }
}
