package racecourse.server;

import racecourse.grader.Catalog;
import racecourse.grader.batch.RosterFile;
import racecourse.grader.course.ReceiveTimes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * All submissions as {@code racecourse regrade ROOT} reads them, one zip to unzip into ROOT: per
 * student a folder {@code <student>/} with the source of each exercise from the submission the
 * service's gradebook counts ({@link ClassGradebook#cells}: the latest graded one holding it), an
 * empty folder for a student with nothing graded, and {@code submissions.csv} with
 * {@code student,exercise,submitted_at}, each the server's receive time of that very submission.
 * A regrade of it with the same course file gives the service's gradebook. A name that could not
 * be a folder of ROOT (the roster's own rule, which the roster already enforces) is left out and
 * listed in {@code .skipped.txt}, so nothing in the zip can land outside ROOT.
 */
public final class SubmissionsZip {
    /** The file listing what was left out (hidden: a regrade ignores it). */
    public static final String SKIPPED = ".skipped.txt";

    private SubmissionsZip() {
    }

    /** One exercise's file of a student: the counted submission's content address and receive time. */
    public record File(String exercise, String submissionId, String blobSha256, Instant receivedAt) {
    }

    /** What the zip holds: per student (sorted) their files in the course's order; the names left out, with why. */
    public record Plan(Map<String, List<File>> students, List<String> skipped) {
    }

    /** The plan from the database, read whole before a byte is sent (so a database error is still a clean 503). */
    public static Plan plan(SubmissionService service) throws SQLException {
        Map<String, Map<String, ClassGradebook.Cell>> grid = ClassGradebook.cells(service);
        Map<String, List<File>> students = new TreeMap<>();
        for (var e : grid.entrySet()) {
            List<File> files = new ArrayList<>();
            for (String x : service.course().exercises()) {
                ClassGradebook.Cell c = e.getValue().get(x);
                if (c != null) {
                    files.add(new File(x, c.submission().receipt().id(), c.submission().blobSha256(),
                            c.submission().receipt().receivedAt()));
                }
            }
            students.put(e.getKey(), files);
        }
        return plan(students);
    }

    /** Keeps only names that are safe as ROOT/<student>/<Exercise>.java; the rest go to the skipped list. */
    static Plan plan(Map<String, List<File>> wanted) {
        Map<String, List<File>> safe = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (var e : wanted.entrySet()) {
            String problem = studentProblem(e.getKey());
            if (problem != null) {
                skipped.add("student " + racecourse.grader.batch.Roster.printable(e.getKey()) + ": " + problem);
                continue;
            }
            List<File> files = new ArrayList<>();
            for (File f : e.getValue()) {
                if (!Catalog.isExercise(f.exercise()) || !f.exercise().matches("[A-Za-z][A-Za-z0-9]*")) {
                    skipped.add("student " + e.getKey() + ": exercise " + racecourse.grader.batch.Roster.printable(f.exercise())
                            + ": not an exercise of the grader");
                    continue;
                }
                files.add(f);
            }
            safe.put(e.getKey(), files);
        }
        return new Plan(safe, skipped);
    }

    /** Why {@code id} cannot be a folder of ROOT, or null. */
    static String studentProblem(String id) {
        String p = RosterFile.idProblem(id);
        if (p != null) {
            return p;
        }
        if (id.equals(ReceiveTimes.CSV_NAME)) {
            return "would overwrite the receive times (" + ReceiveTimes.CSV_NAME + ")";
        }
        if (id.contains(":")) {
            return "holds a colon, which some systems read as a drive";
        }
        return null;
    }

    /**
     * Writes the zip: submissions.csv, then each student's folder. {@code blobs} gives a
     * submission's stored (canonical) zip by content address.
     */
    public static void write(Plan plan, BlobSource blobs, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("student,exercise,submitted_at\n");
        plan.students().forEach((s, files) -> files.forEach(f -> csv.append(quoted(s)).append(',').append(f.exercise())
                .append(',').append(f.receivedAt()).append('\n')));
        put(zip, ReceiveTimes.CSV_NAME, csv.toString().getBytes(StandardCharsets.UTF_8));
        if (!plan.skipped().isEmpty()) {
            put(zip, SKIPPED, (String.join("\n", plan.skipped()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Map<String, byte[]>> opened = new HashMap<>();
        for (var e : plan.students().entrySet()) {
            put(zip, e.getKey() + "/", null);
            for (File f : e.getValue()) {
                Map<String, byte[]> entries = opened.computeIfAbsent(f.blobSha256(), sha -> {
                    try {
                        return entries(blobs.read(sha));
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                });
                byte[] source = entries.get(f.exercise() + ".java");
                if (source == null) {
                    throw new IOException("submission " + f.submissionId() + " holds no " + f.exercise() + ".java");
                }
                put(zip, e.getKey() + "/" + f.exercise() + ".java", source);
            }
            opened.clear();
        }
        zip.finish();
        zip.flush();
    }

    /** A stored submission's files by content address. */
    @FunctionalInterface
    public interface BlobSource {
        byte[] read(String sha256) throws IOException;
    }

    /** The service's blobs: the disk copy, else the database's (a server whose disk lost it, or never had it). */
    public static BlobSource blobs(SubmissionService service) {
        return sha -> {
            Path p = service.blobs().path(sha);
            if (Files.isRegularFile(p)) {
                return Files.readAllBytes(p);
            }
            try {
                Optional<byte[]> b = service.store().blob(sha);
                return b.orElseThrow(() -> new IOException("the stored files " + sha + " are missing"));
            } catch (SQLException ex) {
                throw new IOException("database: " + ex.getMessage(), ex);
            }
        };
    }

    private static Map<String, byte[]> entries(byte[] canonicalZip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(canonicalZip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        if (bytes != null) {
            zip.write(bytes);
        }
        zip.closeEntry();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
