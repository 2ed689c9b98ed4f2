package racecourse.grader.batch;

import racecourse.grader.course.ReceiveTime;
import racecourse.results.Verdict;
import racecourse.results.ExerciseResult;
import racecourse.results.TestResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output folder of a regrade, written directly (manifest, records, receive times, each student's
 * outputs as regrade writes them) without
 * grading: student {@code sNNN} passes {@code NNN % (tests+1)} of each exercise's tests (the first
 * ones) and submitted {@code NNN} hours after {@code start}. Its ROOT does not exist, so nothing can
 * be graded from it.
 */
final class SyntheticRegrade {
    static final int TESTS = 4;

    private SyntheticRegrade() {
    }

    static void write(Path out, int students, List<String> exercises, Instant start) throws IOException {
        write(out, 0, students, Shard.ALL, exercises, start);
    }

    /** Students {@code first .. first+count-1} as the shard {@code shard} of one regrade. */
    static void write(Path out, int first, int count, Shard shard, List<String> exercises, Instant start) throws IOException {
        RecordStore store = new RecordStore(out);
        List<Manifest.Entry> entries = new ArrayList<>();
        Map<String, racecourse.grader.course.StudentReceiveTimes> times = new LinkedHashMap<>();
        for (int i = first; i < first + count; i++) {
            String id = String.format("s%03d", i);
            Map<String, String> keys = new LinkedHashMap<>();
            List<ExerciseRecord> records = new ArrayList<>();
            for (String x : exercises) {
                String key = "k-" + id + "-" + x;
                keys.put(x, key);
                List<TestResult> tests = new ArrayList<>();
                for (int t = 0; t < TESTS; t++) {
                    boolean passed = t < i % (TESTS + 1);
                    tests.add(new TestResult(x, x + "#" + t, "test " + t, t == TESTS - 1, passed ? null : Verdict.RACE,
                            passed ? null : "lost an update", 3));
                }
                ExerciseRecord r = new ExerciseRecord(key, id, new ExerciseResult(x, 10, tests, true, 1.5, null), List.of(), true, List.of());
                store.write(r);
                records.add(r);
            }
            StudentOutputs.write(out.resolve(id), StudentOutputs.grading(records, List.of(), 7));
            entries.add(new Manifest.Entry(id, id + "/", null, keys));
            times.put(id, racecourse.grader.course.StudentReceiveTimes.same(new ReceiveTime(start.plusSeconds(3600L * i), "submissions.csv")));
        }
        new Manifest(Manifest.FORMAT, shard.toString(), 1, 0, exercises, "synthetic", "synthetic", entries, List.of()).write(out);
        ReceivedTimes.of(times).write(out);
    }
}
