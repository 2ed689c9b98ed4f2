package racecourse.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import racecourse.grader.course.ReceiveTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receive times of a regrade's students, kept with its outputs in
 * {@code DIR/.racecourse/received.json} (read from ROOT's submissions.csv when the regrade ran), so
 * {@code racecourse rescore} applies deadlines without ROOT. A student not in it has no known time.
 */
public record ReceivedTimes(int format, Map<String, Entry> students) {
    public static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** One student's time (ISO-8601 instant) and where it was read. */
    public record Entry(String at, String source) {
    }

    public static ReceivedTimes of(Map<String, ReceiveTime> times) {
        Map<String, Entry> m = new TreeMap<>();
        times.forEach((s, t) -> m.put(s, new Entry(t.at().toString(), t.source())));
        return new ReceivedTimes(FORMAT, m);
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
            if (r == null || r.format() != FORMAT || r.students() == null) {
                throw new IOException(p + " is from another version of racecourse; regrade that folder");
            }
            return r;
        } catch (JsonParseException e) {
            throw new IOException(p + " is damaged (" + e.getMessage() + "); regrade that folder", e);
        }
    }

    public ReceiveTime of(String student) {
        Entry e = students.get(student);
        return e == null ? ReceiveTime.UNKNOWN : new ReceiveTime(Instant.parse(e.at()), e.source());
    }
}
