package racecourse.grader;

import org.junit.jupiter.api.Test;
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
 * grader's own. The probe SafeCounter (tests/fixtures) reads its niceness from /proc and throws it.
 */
class ChildPriorityTest {
    static final Path PROBE = Grading.HOME.resolve("tests/fixtures/priority-probe/SafeCounter.java");

    @Test
    void niceChildRunsBelowTheGrader() throws Exception {
        int own = ownNiceness();
        assertEquals(own, childNiceness(PROBE, Limits.defaults()), "without niceness the child runs as the grader");
        assertEquals(Math.min(19, own + 10), childNiceness(PROBE, Limits.defaults().withNiceness(10)));
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
