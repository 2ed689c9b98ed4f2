package racecourse.grader.course;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The small CSV files a course names (extensions, submission times): UTF-8 (a byte-order mark is
 * allowed), a header row with exactly the expected columns, at most {@link #MAX_BYTES}. Any problem
 * is one line naming the file (and the row).
 */
final class CsvTable {
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private CsvTable() {
    }

    static List<CSVRecord> read(Path file, List<String> columns) {
        return readOneOf(file, List.of(columns)).rows();
    }

    /** The rows and the header they were read under. */
    record Table(List<String> columns, List<CSVRecord> rows) {
    }

    /**
     * A file whose header row is one of {@code choices} (e.g. a format with an optional column);
     * every row must then have that header's cells, so one file cannot mix two of the formats.
     */
    static Table readOneOf(Path file, List<List<String>> choices) {
        List<String> columns = choices.get(0);
        String expected = String.join(" or ", choices.stream().map(c -> String.join(",", c)).toList());
        String name = String.valueOf(file.getFileName());
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new CourseFileException(name + ": " + size + " bytes is too big (at most " + MAX_BYTES + ")");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new CourseFileException("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new CourseFileException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CourseFileException(name + ": cannot read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new CourseFileException(name + ": the file is empty; its first row must be " + expected);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser p = CSVParser.parse(text, format)) {
            columns = choices.stream().filter(c -> c.equals(p.getHeaderNames())).findFirst()
                    .orElseThrow(() -> new CourseFileException(name + ": the first row must be " + expected + ", not "
                            + String.join(",", p.getHeaderNames())));
            List<CSVRecord> rows = p.getRecords();
            for (CSVRecord r : rows) {
                if (r.size() != columns.size()) {
                    throw new CourseFileException(name + ": line " + r.getParser().getCurrentLineNumber() + ": "
                            + r.size() + " cells, expected " + columns.size() + " (" + String.join(",", columns) + ")"
                            + (choices.size() > 1 ? ", as the first row says: every row has the first row's columns (one file cannot mix "
                            + String.join(" and ", choices.stream().map(c -> String.join(",", c)).toList()) + " rows)" : ""));
                }
            }
            return new Table(columns, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof CourseFileException c) {
                throw c;
            }
            throw new CourseFileException(name + ": not valid CSV: " + e.getMessage());
        }
    }
}
