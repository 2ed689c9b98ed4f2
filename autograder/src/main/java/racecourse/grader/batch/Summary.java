package racecourse.grader.batch;

import racecourse.results.TestResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * summary.md: the class at a glance: totals (mean, median, range) with the histogram, per exercise
 * how the scores are spread and which verdicts are most frequent, then what needs the instructor:
 * failures that never reproduced, and students who could not be graded.
 */
public final class Summary {
    private Summary() {
    }

    public static String markdown(Manifest m, List<Row> rows) {
        return markdown(m, rows, null);
    }

    /** With {@code roster} (or null): who was handed in without being enrolled, and who is enrolled but handed nothing in. */
    public static String markdown(Manifest m, List<Row> rows, RosterMatch roster) {
        List<Row> graded = rows.stream().filter(Row::graded).toList();
        double max = m.exercises().size() * racecourse.grader.Catalog.POINTS;
        StringBuilder sb = new StringBuilder("# Regrade summary\n\n");
        sb.append(rows.size()).append(" students: ").append(graded.size()).append(" graded, ")
                .append(rows.size() - graded.size()).append(" not (listed below). Seed ").append(m.seed())
                .append(m.confirm() > 0 ? ", failures confirmed with " + m.confirm() + " reruns" : ", no confirmation reruns")
                .append(".\n\n");
        List<Double> totals = graded.stream().map(Row::total).sorted().toList();
        if (!totals.isEmpty()) {
            sb.append("Total out of ").append(Gradebook.number(max)).append(": mean ").append(Gradebook.number(mean(totals)))
                    .append(", median ").append(Gradebook.number(median(totals))).append(", lowest ")
                    .append(Gradebook.number(totals.get(0))).append(", highest ")
                    .append(Gradebook.number(totals.get(totals.size() - 1))).append(".\n\n");
        }
        sb.append("![Histogram of totals](totals.png)\n\n## Per exercise\n\n");
        sb.append("Scores and verdicts are of the students who handed the exercise in; one who did not is counted under"
                + " \"not submitted\" (and scores 0 in the gradebook), never as a compile failure.\n\n");
        sb.append("| exercise | submitted | not submitted | mean | median | 0 | below half | half or more | full | most frequent verdicts |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        // Overall: per verdict, failed tests and the distinct students with at least one.
        Map<String, Integer> testsOverall = new TreeMap<>();
        Map<String, Set<String>> studentsOverall = new TreeMap<>();
        for (String x : m.exercises()) {
            List<Row> handedIn = graded.stream().filter(r -> r.records().get(x).result().submitted()).toList();
            List<Double> scores = handedIn.stream().map(r -> r.records().get(x).result().score()).sorted().toList();
            double points = graded.isEmpty() ? racecourse.grader.Catalog.POINTS : graded.get(0).records().get(x).result().points();
            int[] buckets = new int[4];
            for (double s : scores) {
                buckets[s == 0 ? 0 : s < points / 2 ? 1 : s < points ? 2 : 3]++;
            }
            Map<String, Integer> verdicts = new TreeMap<>();
            Map<String, Set<String>> studentsBy = new TreeMap<>();
            for (Row r : handedIn) {
                for (TestResult t : r.records().get(x).result().tests()) {
                    if (!t.passed()) {
                        verdicts.merge(t.verdict().label(), 1, Integer::sum);
                        studentsBy.computeIfAbsent(t.verdict().label(), k -> new TreeSet<>()).add(r.id());
                        testsOverall.merge(t.verdict().label(), 1, Integer::sum);
                        studentsOverall.computeIfAbsent(t.verdict().label(), k -> new TreeSet<>()).add(r.id());
                    }
                }
            }
            sb.append("| ").append(x).append(" | ").append(handedIn.size()).append(" | ").append(graded.size() - handedIn.size())
                    .append(" | ").append(scores.isEmpty() ? "" : Gradebook.number(mean(scores))).append(" | ")
                    .append(scores.isEmpty() ? "" : Gradebook.number(median(scores)));
            for (int b : buckets) {
                sb.append(" | ").append(b);
            }
            sb.append(" | ").append(top(verdicts, studentsBy)).append(" |\n");
        }
        sb.append("\n## Most frequent verdicts\n\n");
        if (testsOverall.isEmpty()) {
            sb.append("No failed tests in the work handed in.\n");
        } else {
            sb.append("Students: how many different students had at least one test fail with that verdict, in any exercise.\n\n");
            sb.append("| verdict | failed tests | students |\n|---|---|---|\n");
            testsOverall.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                    .forEach(e -> sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" | ")
                            .append(studentsOverall.get(e.getKey()).size()).append(" |\n"));
        }
        List<String> flagged = new ArrayList<>();
        for (Row r : graded) {
            r.records().values().forEach(rec -> rec.flagged().forEach(c ->
                    flagged.add("- " + md(r.id()) + ": " + md(c.describe(rec.result().exercise())))));
        }
        sb.append("\n## Flagged for review\n\n").append(flagged.isEmpty()
                ? (m.confirm() > 0 ? "Every failure reproduced.\n" : "Nothing (run with `--confirm R` to rerun failures).\n")
                : String.join("\n", flagged) + "\n");
        List<String> notGraded = rows.stream().filter(r -> !r.graded())
                .map(r -> "- " + md(r.id()) + ": " + md(r.review())).toList();
        sb.append("\n## Not graded\n\n").append(notGraded.isEmpty() ? "Nobody.\n" : String.join("\n", notGraded) + "\n");
        if (roster != null) {
            sb.append("\n## Roster\n\n").append(roster.roster().students().size()).append(" enrolled, ")
                    .append(roster.bySubmission().size()).append(" matched to a submission.\n");
            sb.append("\nNot on the roster (graded, but not exported until the roster has them):")
                    .append(roster.unknown().isEmpty() ? " nobody.\n" : "\n\n" + roster.unknown().stream()
                            .map(id -> "- " + md(id)).collect(Collectors.joining("\n")) + "\n");
            sb.append("\nOn the roster with no submission:")
                    .append(roster.missing().isEmpty() ? " nobody.\n" : "\n\n" + roster.missing().stream()
                            .map(s -> "- " + md(s.id()) + " (" + md(s.name()) + ", section " + md(s.section()) + ")")
                            .collect(Collectors.joining("\n")) + "\n");
        }
        if (!m.ignored().isEmpty()) {
            sb.append("\n## Ignored in ROOT\n\n").append(m.ignored().stream().map(s -> "- " + md(s))
                    .collect(Collectors.joining("\n"))).append('\n');
        }
        return sb.toString();
    }

    private static String top(Map<String, Integer> verdicts, Map<String, Set<String>> students) {
        return verdicts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(3)
                .map(e -> e.getKey() + " (" + plural(e.getValue(), "test") + ", " + plural(students.get(e.getKey()).size(), "student") + ")")
                .collect(Collectors.joining(", "));
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static double mean(List<Double> xs) {
        return Math.round(xs.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 100) / 100.0;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2 * 100) / 100.0;
    }

    /** Text that cannot break the Markdown around it (ids are student-chosen). */
    static String md(String s) {
        return Roster.printable(Objects.toString(s)).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
                .replace("_", "\\_").replace("`", "\\`").replace("<", "&lt;").replace("[", "\\[").replace("]", "\\]");
    }
}
