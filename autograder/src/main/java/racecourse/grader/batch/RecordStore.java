package racecourse.grader.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The graded exercises of a run, one file per student and exercise:
 * {@code DIR/.racecourse/records/<student>/<Exercise>.json}, each written whole (temporary file,
 * then atomic rename). There is no journal: what is graded is exactly the set of record files whose
 * key matches, so a run killed at any moment resumes from the files alone, and a regrade replaces
 * a record instead of adding a second one.
 */
public final class RecordStore {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private final Path root;

    public RecordStore(Path out) {
        this.root = out.resolve(".racecourse").resolve("records");
    }

    public Path root() {
        return root;
    }

    public Path path(String student, String exercise) {
        return root.resolve(student).resolve(exercise + ".json");
    }

    /** The stored record, if there is a readable one (a damaged file counts as absent and is regraded). */
    public Optional<ExerciseRecord> read(String student, String exercise) {
        Path p = path(student, exercise);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            ExerciseRecord r = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), ExerciseRecord.class);
            if (r == null || r.result() == null || r.key() == null || !exercise.equals(r.result().exercise())) {
                return Optional.empty();
            }
            return Optional.of(r);
        } catch (IOException | JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The record, if stored under exactly this key. */
    public Optional<ExerciseRecord> read(String student, String exercise, String key) {
        return read(student, exercise).filter(r -> r.key().equals(key));
    }

    public void write(ExerciseRecord r) throws IOException {
        AtomicFiles.write(path(r.student(), r.result().exercise()), GSON.toJson(r));
    }
}
