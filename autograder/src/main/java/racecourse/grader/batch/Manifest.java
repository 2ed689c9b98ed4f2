package racecourse.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run (or a merge) set out to grade, written whole at its start to
 * {@code DIR/.racecourse/manifest.json}: the shard, seed, confirmations, exercises, grader version,
 * a fingerprint of the whole ROOT (so a merge can tell shards that saw different folders), and per
 * student its source, its problem if it cannot be graded, and the key each exercise must be
 * graded under. The gradebook is built from the manifest and the records whose keys match it.
 */
public record Manifest(int format, String shard, long seed, int confirm, List<String> exercises, String graderVersion,
                       String roster, List<Entry> students, List<String> ignored) {
    public static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A student of this run: the key per exercise, or a problem (and no keys). */
    public record Entry(String id, String source, String problem, Map<String, String> keys) {
    }

    public static Path path(Path out) {
        return out.resolve(".racecourse").resolve("manifest.json");
    }

    public void write(Path out) throws IOException {
        AtomicFiles.write(path(out), GSON.toJson(this) + "\n");
    }

    public static Manifest read(Path out) throws IOException {
        Path p = path(out);
        if (!Files.isRegularFile(p)) {
            throw new IOException(out + " is not the output of racecourse regrade (no " + out.relativize(p) + ")");
        }
        try {
            Manifest m = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), Manifest.class);
            if (m == null || m.format() != FORMAT || m.students() == null) {
                throw new IOException(p + " is from another version of racecourse regrade; regrade that folder");
            }
            return m;
        } catch (JsonParseException e) {
            throw new IOException(p + " is damaged (" + e.getMessage() + "); regrade that folder", e);
        }
    }

    public Shard shardSpec() {
        return Shard.parse(shard);
    }
}
