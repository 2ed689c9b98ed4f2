package racecourse.grader.batch;

import racecourse.grader.course.Course;
import racecourse.results.ExerciseScore;
import racecourse.grader.course.Scorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * gradebook.csv: one row per student (sorted by id), columns {@code student}, one per exercise in
 * the chapter's order, {@code total}, {@code review}. RFC 4180 (CRLF, text cells always quoted,
 * quotes doubled), UTF-8 with a byte-order mark so spreadsheets read accented names right. A text
 * cell starting with {@code = + - @}, a tab or a carriage return (after any spaces) gets a leading
 * apostrophe, so a student id cannot become a spreadsheet formula. Cells of a student that could
 * not be graded are empty, not zero.
 *
 * <p>Under a course file ({@link #csv(Course, List, List)}) each exercise has four
 * columns: {@code X raw} (weighted tests passed, out of the course's points), {@code X hours late}
 * (empty when there is no deadline or no known receive time), {@code X penalty %} and {@code X}
 * (the final score); {@code total} adds the finals, and {@code review} says when a deadline could
 * not be applied because no receive time is known.
 */
public final class Gradebook {
    private Gradebook() {
    }

    public static String csv(List<String> exercises, List<Row> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(text("student"));
        exercises.forEach(x -> sb.append(',').append(text(x)));
        sb.append(',').append(text("total")).append(',').append(text("review")).append("\r\n");
        for (Row r : rows) {
            sb.append(text(r.id()));
            for (String x : exercises) {
                ExerciseRecord rec = r.records().get(x);
                sb.append(',').append(rec == null ? "" : number(rec.result().score()));
            }
            sb.append(',').append(r.problem() != null ? "" : number(r.total()));
            sb.append(',').append(text(r.review())).append("\r\n");
        }
        return sb.toString();
    }

    /** A student's scores under a course, in the course's exercise order, each with its exercise's receive time; null where there is no record. */
    public static List<ExerciseScore> scores(Course course, Row r, ReceivedTimes received) {
        List<ExerciseScore> out = new ArrayList<>();
        var time = received.of(r.id());
        for (String x : course.exercises()) {
            ExerciseRecord rec = r.records().get(x);
            out.add(rec == null ? null : Scorer.score(course, r.id(), rec.result(), time.of(x)));
        }
        return out;
    }

    /** The final total of {@link #scores}, rounded to cents. */
    public static double total(List<ExerciseScore> scores) {
        return Math.round(scores.stream().filter(java.util.Objects::nonNull).mapToDouble(ExerciseScore::finalScore).sum() * 100) / 100.0;
    }

    /** The gradebook under a course; {@code scores} holds each row's {@link #scores}, in the same order. */
    public static String csv(Course course, List<Row> rows, List<List<ExerciseScore>> scores) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(text("student"));
        for (String x : course.exercises()) {
            for (String c : List.of(x + " raw", x + " hours late", x + " penalty %", x)) {
                sb.append(',').append(text(c));
            }
        }
        sb.append(',').append(text("total")).append(',').append(text("review")).append("\r\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(text(r.id()));
            List<String> unknown = new ArrayList<>();
            for (ExerciseScore s : scores.get(i)) {
                if (s == null) {
                    sb.append(",,,,");
                    continue;
                }
                if (s.lateNote().startsWith("receive time unknown")) {
                    unknown.add(s.exercise());
                }
                sb.append(',').append(number(s.raw()))
                        .append(',').append(s.hoursLate() == null ? "" : number(s.hoursLate()))
                        .append(',').append(number(s.penaltyPercent()))
                        .append(',').append(number(s.finalScore()));
            }
            sb.append(',').append(r.problem() != null ? "" : number(total(scores.get(i))));
            String review = r.review();
            if (!unknown.isEmpty()) {
                String note = "no receive time known: no late penalty (" + String.join(", ", unknown) + ")";
                review = review.isEmpty() ? note : review + "; " + note;
            }
            sb.append(',').append(text(review)).append("\r\n");
        }
        return sb.toString();
    }

    static String text(String s) {
        String stripped = s.replaceFirst("^ +", "");
        if (!stripped.isEmpty() && "=+-@\t\r".indexOf(stripped.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
