package racecourse.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import racecourse.grader.course.ReceiveTime;
import racecourse.grader.course.StudentReceiveTimes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receive times of a regrade's students, kept with its outputs in
 * {@code DIR/.racecourse/received.json} (read from ROOT's submissions.csv when the regrade ran), so
 * {@code racecourse rescore} applies deadlines without ROOT. A student not in it has no known time.
 * Format 1: one time per student ({@code at}, {@code source}); format 2 (written only when some
 * student has them) adds {@code exercises}, a time per exercise. Both are read.
 */
public record ReceivedTimes(int format, Map<String, Entry> students) {
    /** The newest format this version writes. */
    public static final int FORMAT = 2;
    /** The format of a file without per-exercise times (what versions before it wrote, and still read). */
    public static final int FORMAT_ONE_TIME = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** One time (ISO-8601 instant) and where it was read. */
    public record Time(String at, String source) {
    }

    /**
     * One student: one time for all exercises ({@code at}, {@code source}), and/or a time per
     * exercise ({@code exercises}, absent in format 1), which wins for its exercise.
     */
    public record Entry(String at, String source, Map<String, Time> exercises) {
        public Entry(String at, String source) {
            this(at, source, null);
        }
    }

    public static ReceivedTimes of(Map<String, StudentReceiveTimes> times) {
        Map<String, Entry> m = new TreeMap<>();
        boolean split = false;
        for (var e : times.entrySet()) {
            StudentReceiveTimes t = e.getValue();
            Map<String, Time> per = null;
            if (!t.uniform()) {
                split = true;
                per = new TreeMap<>();
                for (var x : t.exercises().entrySet()) {
                    if (x.getValue().known()) {
                        per.put(x.getKey(), new Time(x.getValue().at().toString(), x.getValue().source()));
                    }
                }
            }
            m.put(e.getKey(), new Entry(t.all().known() ? t.all().at().toString() : null, t.all().known() ? t.all().source() : null, per));
        }
        return new ReceivedTimes(split ? FORMAT : FORMAT_ONE_TIME, m);
    }

    public static Path path(Path out) {
        return out.resolve(".racecourse").resolve("received.json");
    }

    public void write(Path out) throws IOException {
        AtomicFiles.write(path(out), GSON.toJson(this) + "\n");
    }

    /** The stored times, or none when the regrade had no submissions.csv. */
    public static ReceivedTimes read(Path out) throws IOException {
        Path p = path(out);
        if (!Files.isRegularFile(p)) {
            return new ReceivedTimes(FORMAT, Map.of());
        }
        try {
            ReceivedTimes r = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), ReceivedTimes.class);
            if (r == null || (r.format() != FORMAT && r.format() != FORMAT_ONE_TIME) || r.students() == null) {
                throw new IOException(p + " is from another version of racecourse; regrade that folder");
            }
            return r;
        } catch (JsonParseException e) {
            throw new IOException(p + " is damaged (" + e.getMessage() + "); regrade that folder", e);
        }
    }

    /** The student's times: per exercise where stored, else their one time, else unknown. */
    public StudentReceiveTimes of(String student) {
        Entry e = students.get(student);
        if (e == null) {
            return StudentReceiveTimes.UNKNOWN;
        }
        ReceiveTime all = e.at() == null ? ReceiveTime.UNKNOWN : new ReceiveTime(Instant.parse(e.at()), e.source());
        Map<String, ReceiveTime> per = new LinkedHashMap<>();
        if (e.exercises() != null) {
            e.exercises().forEach((x, t) -> per.put(x, new ReceiveTime(Instant.parse(t.at()), t.source())));
        }
        return new StudentReceiveTimes(all, per);
    }
}
