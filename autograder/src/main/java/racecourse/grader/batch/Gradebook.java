package racecourse.grader.batch;

import java.util.List;
import java.util.Locale;

/**
 * gradebook.csv: one row per student (sorted by id), columns {@code student}, one per exercise in
 * the chapter's order, {@code total}, {@code review}. RFC 4180 (CRLF, text cells always quoted,
 * quotes doubled), UTF-8 with a byte-order mark so spreadsheets read accented names right. A text
 * cell starting with {@code = + - @}, a tab or a carriage return (after any spaces) gets a leading
 * apostrophe, so a student id cannot become a spreadsheet formula. Cells of a student that could
 * not be graded are empty, not zero.
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
