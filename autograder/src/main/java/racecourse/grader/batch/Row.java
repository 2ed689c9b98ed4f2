package racecourse.grader.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One student in the gradebook: their records by exercise (in the column order; null where not
 * graded) or the problem that kept them from being graded.
 */
public record Row(String id, String problem, Map<String, ExerciseRecord> records) {
    /** The rows of a manifest, from the records whose keys match it. */
    public static List<Row> of(Manifest m, RecordStore store) {
        List<Row> rows = new ArrayList<>();
        for (Manifest.Entry e : m.students()) {
            rows.add(of(e, m.exercises(), store));
        }
        return rows;
    }

    /** One student's row: their records of these exercises whose keys match the entry. */
    public static Row of(Manifest.Entry e, List<String> exercises, RecordStore store) {
        Map<String, ExerciseRecord> records = new LinkedHashMap<>();
        if (e.problem() == null) {
            for (String x : exercises) {
                records.put(x, store.read(e.id(), x, e.keys().get(x)).orElse(null));
            }
        }
        return new Row(e.id(), e.problem(), records);
    }

    public boolean graded() {
        return problem == null && records.values().stream().allMatch(Objects::nonNull);
    }

    public double total() {
        return Math.round(records.values().stream().filter(Objects::nonNull)
                .mapToDouble(r -> r.result().score()).sum() * 100) / 100.0;
    }

    /** What the instructor should look at, or "" when nothing. */
    public String review() {
        if (problem != null) {
            return "not graded: " + problem;
        }
        List<String> parts = new ArrayList<>();
        long missing = records.values().stream().filter(Objects::isNull).count();
        if (missing > 0) {
            parts.add("not graded yet: " + missing + " exercise(s) missing; run regrade again");
        }
        if (missing == 0 && !records.isEmpty() && records.values().stream().noneMatch(r -> r.result().submitted())) {
            parts.add("nothing gradable: no exercise file in the submission");
        }
        records.values().stream().filter(Objects::nonNull)
                .flatMap(r -> r.flagged().stream().map(c -> c.describe(r.result().exercise())))
                .forEach(parts::add);
        return String.join("; ", parts);
    }
}
