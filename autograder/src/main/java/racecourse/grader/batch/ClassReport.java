package racecourse.grader.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-wide outputs, all derived from the manifest, the records and the roster kept in OUT
 * (if the regrade was given one) and nothing else (no times, no shard), so a merge of shards
 * writes the same bytes as one run: gradebook.csv, summary.md, totals.png; each written whole.
 */
public final class ClassReport {
    private ClassReport() {
    }

    /** Writes the three files; returns the rows they show. */
    public static List<Row> write(Path out, Manifest m, RecordStore store) throws IOException {
        List<Row> rows = Row.of(m, store);
        AtomicFiles.write(out.resolve("gradebook.csv"), Gradebook.csv(m.exercises(), rows));
        AtomicFiles.write(out.resolve("summary.md"), Summary.markdown(m, rows, RosterMatch.stored(out, m).orElse(null)));
        AtomicFiles.write(out.resolve("totals.png"), Histogram.png(rows.stream().filter(Row::graded).map(Row::total).toList(),
                m.exercises().size() * racecourse.grader.Catalog.POINTS));
        return rows;
    }
}
