package racecourse.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.grader.run.Limits;
import racecourse.results.ExerciseResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A child graded with {@link Limits#withNiceness} runs at that much lower CPU priority than the
 * grader (the service's workers, so that uploads are acknowledged first); without it, at the
 * grader's own. A probe SafeCounter reads its niceness from /proc and throws it as its message.
 */
class ChildPriorityTest {
    static final String PROBE = """
            package exercises;
            public final class SafeCounter {
                public SafeCounter() {
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("NICE=unreadable");
                    }
                    // Fields after the command's closing parenthesis: state is field 3, nice field 19.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    throw new IllegalStateException("NICE=" + f[16]);
                }
                public void increment() { }
                public long get() { return 0; }
            }
            """;

    @Test
    void niceChildRunsBelowTheGrader(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("SafeCounter.java"), PROBE);
        int own = ownNiceness();
        assertEquals(own, childNiceness(file, Limits.defaults()), "without niceness the child runs as the grader");
        assertEquals(Math.min(19, own + 10), childNiceness(file, Limits.defaults().withNiceness(10)));
    }

    @Test
    void nicenessOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Limits.defaults().withNiceness(-1));
        assertThrows(IllegalArgumentException.class, () -> Limits.defaults().withNiceness(20));
    }

    static int childNiceness(Path file, Limits limits) throws Exception {
        ExerciseResult r = Grader.grade(new Grader.Request(file, List.of("SafeCounter"), 1, limits, Grading.HOME))
                .exercises().get(0);
        Pattern nice = Pattern.compile("NICE=(-?\\d+)");
        return r.tests().stream().map(t -> String.valueOf(t.message())).map(nice::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("no probe report in the results:" + Grading.describe(r)));
    }

    static int ownNiceness() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
