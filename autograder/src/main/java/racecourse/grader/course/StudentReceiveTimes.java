package racecourse.grader.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When one student's work was received: a time per exercise where one is known ({@code exercises},
 * e.g. from the submission service, which receives each exercise on its own), else one time for
 * all of them ({@code all}, e.g. one Gradescope submission or a {@code student,submitted_at} row).
 * The late policy applies per exercise with {@link #of}.
 */
public record StudentReceiveTimes(ReceiveTime all, Map<String, ReceiveTime> exercises) {
    public static final StudentReceiveTimes UNKNOWN = same(ReceiveTime.UNKNOWN);

    public StudentReceiveTimes {
        all = all == null ? ReceiveTime.UNKNOWN : all;
        exercises = Map.copyOf(exercises == null ? Map.of() : exercises);
    }

    /** One time for every exercise. */
    public static StudentReceiveTimes same(ReceiveTime t) {
        return new StudentReceiveTimes(t, Map.of());
    }

    /** A time per exercise (an exercise not in the map: unknown). */
    public static StudentReceiveTimes perExercise(Map<String, ReceiveTime> times) {
        return new StudentReceiveTimes(ReceiveTime.UNKNOWN, times);
    }

    /** The time that holds for this exercise. */
    public ReceiveTime of(String exercise) {
        return exercises.getOrDefault(exercise, all);
    }

    /** Whether every exercise has the one time {@link #all}. */
    public boolean uniform() {
        return exercises.isEmpty();
    }

    /**
     * The sentence feedback shows: "Received T (from S)." for one time; per exercise otherwise, in
     * the order given, e.g. "Received SafeCounter 2026-10-05T21:00:00Z, BoundedBuffer
     * 2026-10-06T08:00:00Z (from submissions.csv); no receive time is known for Memoizer: no late
     * penalty applies to it."
     */
    public String line(List<String> inOrder) {
        if (uniform()) {
            return all.known() ? "Received " + all.at() + " (from " + all.source() + ")."
                    : "No receive time is known: no late penalty applies.";
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String x : inOrder) {
            ReceiveTime t = of(x);
            if (t.known()) {
                bySource.computeIfAbsent(t.source(), k -> new ArrayList<>()).add(x + " " + t.at());
            } else {
                unknown.add(x);
            }
        }
        List<String> parts = new ArrayList<>();
        bySource.forEach((source, times) -> parts.add(String.join(", ", times) + " (from " + source + ")"));
        StringBuilder sb = new StringBuilder();
        if (!parts.isEmpty()) {
            sb.append("Received ").append(String.join("; ", parts));
        }
        if (!unknown.isEmpty()) {
            sb.append(sb.isEmpty() ? "No" : "; no").append(" receive time is known for ").append(String.join(", ", unknown))
                    .append(": no late penalty applies to ").append(unknown.size() == 1 ? "it" : "them");
        }
        return sb.append('.').toString();
    }
}
