package racecourse.grader.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The instructor's roster.csv: a header row with {@code id, name, email, section} and optionally
 * {@code sis_id} (any order, any case), then one student a row. {@code id} is the name of the
 * student's folder or zip in ROOT. Read with Apache Commons CSV, strictly: UTF-8 only (a leading
 * byte-order mark is allowed), at most {@link #MAX_BYTES}, every row the header's width, no unknown
 * column, no id, email or SIS id twice, no id that could not be a folder name. Anything else is an
 * {@link IllegalArgumentException} of one line naming the file, the line and the problem.
 */
public record RosterFile(List<Enrolled> students) {
    /** A student the instructor enrolled: sisId is "" when the roster has none. */
    public record Enrolled(String id, String name, String email, String section, String sisId) {
    }

    /** 300 students take a few kB; 10 MB is no roster. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final List<String> REQUIRED = List.of("id", "name", "email", "section");
    static final String SIS_ID = "sis_id";

    public static RosterFile read(Path file) throws IOException {
        String where = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(where + ": " + Files.size(file) + " bytes is too large for a roster (at most "
                    + MAX_BYTES + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(where + ": not UTF-8 text; save the roster as \"CSV UTF-8\"");
        }
        return parse(where, text);
    }

    static RosterFile parse(String where, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(where + ": empty; it needs a header row: id,name,email,section[,sis_id]");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(where + ": holds NUL characters; not a CSV text file");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            records = p.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not valid CSV (" + oneLine(e.getMessage()) + ")");
        }
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        CSVRecord header = records.get(0);
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !name.equals(SIS_ID)) {
                throw new IllegalArgumentException(where + " line 1: unknown column '" + Roster.printable(header.get(i))
                        + "'; the columns are id, name, email, section and optionally sis_id");
            }
            if (column.put(name, i) != null) {
                throw new IllegalArgumentException(where + " line 1: the column " + name + " twice");
            }
        }
        for (String r : REQUIRED) {
            if (!column.containsKey(r)) {
                throw new IllegalArgumentException(where + " line 1: no column '" + r
                        + "'; the header row must name id, name, email, section and optionally sis_id");
            }
        }
        List<Enrolled> students = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        Map<String, Long> emails = new HashMap<>();
        Map<String, Long> sisIds = new HashMap<>();
        for (CSVRecord rec : records.subList(1, records.size())) {
            long line = lineOf(lineStarts, rec.getCharacterPosition());
            if (rec.size() != header.size()) {
                throw new IllegalArgumentException(where + " line " + line + ": " + rec.size() + " cells, the header has "
                        + header.size());
            }
            String id = rec.get(column.get("id")).strip();
            String email = rec.get(column.get("email")).strip();
            String sis = column.containsKey(SIS_ID) ? rec.get(column.get(SIS_ID)).strip() : "";
            String problem = idProblem(id);
            if (problem != null) {
                throw new IllegalArgumentException(where + " line " + line + ": the id '" + Roster.printable(id) + "' " + problem);
            }
            unique(where, line, "id", Shard.normal(id), id, ids);
            if (!email.isEmpty()) {
                unique(where, line, "email", email.toLowerCase(Locale.ROOT), email, emails);
            }
            if (!sis.isEmpty()) {
                unique(where, line, "SIS id", sis, sis, sisIds);
            }
            students.add(new Enrolled(id, rec.get(column.get("name")).strip(), email, rec.get(column.get("section")).strip(), sis));
        }
        if (students.isEmpty()) {
            throw new IllegalArgumentException(where + ": a header row and no students");
        }
        return new RosterFile(List.copyOf(students));
    }

    /** Why an id cannot name a student's folder in ROOT and OUT, or null. */
    public static String idProblem(String id) {
        if (id.isEmpty()) {
            return "is empty";
        }
        if (id.contains("/") || id.contains("\\") || id.equals("..") || id.equals(".")) {
            return "is a path, not a folder name (no / \\ or ..)";
        }
        if (id.startsWith(".")) {
            return "starts with a dot (a hidden folder, never a student)";
        }
        if (id.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return "holds control characters";
        }
        if (Roster.RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            return "is the name of an output file";
        }
        return null;
    }

    private static void unique(String where, long line, String what, String key, String shown, Map<String, Long> seen) {
        Long before = seen.putIfAbsent(key, line);
        if (before != null) {
            throw new IllegalArgumentException(where + " line " + line + ": the " + what + " '" + Roster.printable(shown)
                    + "' is also on line " + before + "; one student a row");
        }
    }

    /** The 1-based line a record starts on (a quoted cell may span lines). */
    private static long lineOf(List<Integer> lineStarts, long position) {
        int i = java.util.Collections.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static String oneLine(String s) {
        return Roster.printable(String.valueOf(s));
    }

    /** The roster keyed as ids are compared (see {@link Shard#normal}). */
    public Map<String, Enrolled> byId() {
        Map<String, Enrolled> m = new LinkedHashMap<>();
        students.forEach(s -> m.put(Shard.normal(s.id()), s));
        return m;
    }
}
