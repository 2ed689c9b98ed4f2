package racecourse.grader.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code OUT/reviews.csv}: every review of one student's exercise, oldest first, never edited:
 * when, who and which exercise, the score before and after, the recorded seed that was replayed,
 * the further seeds run, and the reviewer's note (the reviewed score itself is in the record, see {@link Review}). Written whole (the old rows plus the new one), text
 * cells guarded as in gradebook.csv; read with Apache Commons CSV.
 */
public record Reviews(List<Review> reviews) {
    public static final String FILE = "reviews.csv";
    /** Some hundred bytes a review: far more reviews than a course has. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final List<String> HEADER = List.of("reviewed_at", "student", "exercise", "before", "after", "points",
            "recorded_seed", "seeds", "note");

    /** One review; {@code seeds}: the seeds run after the replay of {@code recordedSeed}. */
    public record Review(String reviewedAt, String student, String exercise, double before, double after, double points,
                         long recordedSeed, List<Long> seeds, String note) {
    }

    public static Reviews read(Path out) throws IOException {
        Path p = out.resolve(FILE);
        if (!Files.isRegularFile(p)) {
            return new Reviews(List.of());
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IllegalArgumentException(p + ": " + Files.size(p) + " bytes is not a reviews file of racecourse review");
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(p + ": not UTF-8; it is not a reviews file of racecourse review");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Review> reviews = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty() || !records.get(0).toList().equals(HEADER)) {
                throw new IllegalArgumentException(p + ": not a reviews file of racecourse review (header " + String.join(",", HEADER) + ")");
            }
            for (CSVRecord r : records.subList(1, records.size())) {
                if (r.size() != HEADER.size()) {
                    throw new IllegalArgumentException(p + " row " + r.getRecordNumber() + ": " + r.size() + " cells, not " + HEADER.size());
                }
                List<Long> seeds = r.get(7).isEmpty() ? List.of()
                        : java.util.Arrays.stream(r.get(7).split(" ")).map(Long::parseLong).toList();
                reviews.add(new Review(r.get(0), unguard(r.get(1)), r.get(2), Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4)),
                        Double.parseDouble(r.get(5)), Long.parseLong(r.get(6)), seeds, unguard(r.get(8))));
            }
        } catch (UncheckedIOException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException(p + " is damaged (" + Roster.printable(String.valueOf(e.getMessage())) + ")");
        }
        return new Reviews(List.copyOf(reviews));
    }

    /** Writes the old reviews and {@code added}, whole. */
    public Reviews append(Path out, Review added) throws IOException {
        List<Review> all = new ArrayList<>(reviews);
        all.add(added);
        StringBuilder sb = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        for (Review r : all) {
            sb.append(String.join(",", List.of(r.reviewedAt(), Gradebook.text(r.student()), r.exercise(), Gradebook.number(r.before()),
                    Gradebook.number(r.after()), Gradebook.number(r.points()), Long.toString(r.recordedSeed()),
                    String.join(" ", r.seeds().stream().map(String::valueOf).toList()), Gradebook.text(r.note())))).append("\r\n");
        }
        AtomicFiles.write(out.resolve(FILE), sb.toString());
        return new Reviews(List.copyOf(all));
    }

    /** The reviews of one student, oldest first. */
    public List<Review> of(String student) {
        return reviews.stream().filter(r -> r.student().equals(student)).toList();
    }

    /** Undoes {@link Gradebook#text}'s formula guard on a cell we wrote. */
    private static String unguard(String cell) {
        String stripped = cell.replaceFirst("^ +", "");
        return stripped.startsWith("'") && stripped.length() > 1 && "=+-@\t\r".indexOf(stripped.charAt(1)) >= 0
                ? cell.replaceFirst("'", "") : cell;
    }
}
