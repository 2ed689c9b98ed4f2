package racecourse.grader.course;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import racecourse.grader.Catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads course.toml (TOML 1.0, parsed by Jackson's TOML module) into a {@link Course}. Every key is
 * checked: an unknown key, a wrong type or a value out of range is a {@link CourseFileException}
 * naming the key, so a typo ({@code point = 20}) cannot silently grade with the defaults.
 *
 * <pre>
 * title = "Concurrent Programming, Fall 2026"
 * time_zone = "Europe/Berlin"          # for deadlines written without an offset
 * exercises = ["SafeCounter", "BoundedBuffer"]   # default: all
 * points = 10                          # default points per exercise
 * hidden_details = "after-deadline"    # or "never" (default)
 * extensions = "extensions.csv"        # relative to this file
 * [late]
 * percent_per_day = 10
 * max_percent = 50
 * grace_minutes = 15
 * [exercise.BoundedBuffer]
 * points = 20
 * deadline = 2026-10-05T23:59:00
 * weights = { "put blocks when full" = 2 }
 * </pre>
 */
public final class CourseFile {
    /** Far more than any course needs; a bigger file is a mistake, not a course. */
    static final long MAX_BYTES = 256 * 1024;
    private static final Set<String> TOP = Set.of("title", "time_zone", "exercises", "points", "hidden_details",
            "extensions", "late", "exercise");
    private static final Set<String> LATE = Set.of("percent_per_day", "max_percent", "grace_minutes");
    private static final Set<String> EXERCISE = Set.of("points", "deadline", "time_zone", "weights");

    private CourseFile() {
    }

    public static Course read(Path file) {
        String name = String.valueOf(file.getFileName());
        String text = readText(file, name);
        if (text.isBlank()) {
            throw new CourseFileException(name + ": the file is empty; it needs at least title = \"...\"");
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new CourseFileException(name + (at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() : "")
                    + ": not valid TOML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CourseFileException(name + ": not valid TOML");
        }
        return new CourseFile.Reader(name, file).course(root);
    }

    private static String readText(Path file, String name) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CourseFileException(name + ": " + Files.size(file) + " bytes is too big for a course file (at most "
                        + MAX_BYTES + ")");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new CourseFileException("no such course file: " + file);
        } catch (CharacterCodingException e) {
            throw new CourseFileException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CourseFileException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** One parse: the file's name for messages and its folder for the extensions file. */
    private record Reader(String name, Path file) {
        Course course(JsonNode root) {
            keys(root, TOP, "");
            String title = root.has("title") ? string(root, "title", "title") : "";
            ZoneId zone = root.has("time_zone") ? zone(root, "time_zone", "time_zone") : null;
            double defaultPoints = root.has("points") ? points(root.get("points"), "points") : Catalog.POINTS;
            HiddenDetails hidden = HiddenDetails.NEVER;
            if (root.has("hidden_details")) {
                String h = string(root, "hidden_details", "hidden_details");
                hidden = HiddenDetails.parse(h).orElseThrow(() -> fail("hidden_details", "must be \"never\" or \"after-deadline\", not \"" + h + "\""));
            }
            List<String> chosen = Catalog.EXERCISES;
            if (root.has("exercises")) {
                JsonNode a = root.get("exercises");
                if (!a.isArray() || a.isEmpty()) {
                    throw fail("exercises", "must be a non-empty array of exercise names");
                }
                Set<String> names = new LinkedHashSet<>();
                for (JsonNode n : a) {
                    if (!n.isTextual() || !Catalog.isExercise(n.asText())) {
                        throw fail("exercises", "no exercise named " + n + "; the exercises are " + String.join(", ", Catalog.EXERCISES));
                    }
                    if (!names.add(n.asText())) {
                        throw fail("exercises", n.asText() + " is listed twice");
                    }
                }
                chosen = Catalog.EXERCISES.stream().filter(names::contains).toList();
            }
            JsonNode tables = root.path("exercise");
            if (root.has("exercise") && !tables.isObject()) {
                throw fail("exercise", "must be tables [exercise.NAME]");
            }
            Map<String, ExercisePlan> plans = new LinkedHashMap<>();
            for (Iterator<String> it = tables.fieldNames(); it.hasNext(); ) {
                String x = it.next();
                if (!chosen.contains(x)) {
                    throw fail("exercise." + x, Catalog.isExercise(x) ? "is not in exercises" : "no exercise named " + x
                            + "; the exercises are " + String.join(", ", Catalog.EXERCISES));
                }
            }
            for (String x : chosen) {
                JsonNode t = tables.path(x);
                String key = "exercise." + x;
                if (!t.isMissingNode() && !t.isObject()) {
                    throw fail(key, "must be a table");
                }
                keys(t, EXERCISE, key + ".");
                double p = t.has("points") ? points(t.get("points"), key + ".points") : defaultPoints;
                Map<String, Double> weights = new LinkedHashMap<>();
                if (t.has("weights")) {
                    JsonNode w = t.get("weights");
                    if (!w.isObject()) {
                        throw fail(key + ".weights", "must be a table of test name = weight");
                    }
                    w.fields().forEachRemaining(f -> {
                        if (!f.getValue().isNumber() || f.getValue().asDouble() < 0 || !Double.isFinite(f.getValue().asDouble())) {
                            throw fail(key + ".weights." + f.getKey(), "must be a number >= 0, not " + f.getValue());
                        }
                        weights.put(f.getKey(), f.getValue().asDouble());
                    });
                }
                ZoneId z = t.has("time_zone") ? zone(t, "time_zone", key + ".time_zone") : zone;
                ZonedDateTime deadline = t.has("deadline") ? dateTime(t.get("deadline"), z, key + ".deadline") : null;
                plans.put(x, new ExercisePlan(x, p, Map.copyOf(weights), deadline));
            }
            LatePolicy late = LatePolicy.NONE;
            if (root.has("late")) {
                JsonNode l = root.get("late");
                if (!l.isObject()) {
                    throw fail("late", "must be a table [late]");
                }
                keys(l, LATE, "late.");
                double perDay = percent(l, "percent_per_day");
                double max = l.has("max_percent") ? percent(l, "max_percent") : 100;
                double grace = l.has("grace_minutes") ? number(l.get("grace_minutes"), "late.grace_minutes") : 0;
                if (grace < 0) {
                    throw fail("late.grace_minutes", "must be >= 0, not " + l.get("grace_minutes"));
                }
                late = new LatePolicy(perDay, max, Duration.ofSeconds(Math.round(grace * 60)));
            }
            List<Extension> extensions = List.of();
            if (root.has("extensions")) {
                String rel = string(root, "extensions", "extensions");
                Path dir = file.toAbsolutePath().getParent();
                extensions = ExtensionsFile.read(dir.resolve(rel), chosen, zone);
            }
            return new Course(title, zone == null ? java.time.ZoneOffset.UTC : zone, plans, late, extensions, hidden);
        }

        private void keys(JsonNode table, Set<String> known, String prefix) {
            for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw fail(prefix + k, "unknown key; the keys here are " + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }

        private String string(JsonNode table, String field, String key) {
            JsonNode n = table.get(field);
            if (!n.isTextual()) {
                throw fail(key, "must be a string, not " + n);
            }
            return n.asText();
        }

        private ZoneId zone(JsonNode table, String field, String key) {
            String z = string(table, field, key);
            try {
                return ZoneId.of(z);
            } catch (DateTimeException e) {
                throw fail(key, "no time zone \"" + z + "\"; use a tz database name such as \"Europe/Berlin\" or \"America/New_York\"");
            }
        }

        private double number(JsonNode n, String key) {
            if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                throw fail(key, "must be a number, not " + n);
            }
            return n.asDouble();
        }

        private double points(JsonNode n, String key) {
            double p = number(n, key);
            if (p < 0) {
                throw fail(key, "must be >= 0, not " + n);
            }
            return p;
        }

        private double percent(JsonNode table, String field) {
            if (!table.has(field)) {
                throw fail("late." + field, "is missing");
            }
            double p = number(table.get(field), "late." + field);
            if (p < 0 || p > 100) {
                throw fail("late." + field, "must be a percentage from 0 to 100, not " + table.get(field));
            }
            return p;
        }

        private ZonedDateTime dateTime(JsonNode n, ZoneId zone, String key) {
            if (!n.isTextual()) {
                throw fail(key, "must be a date-time such as 2026-10-05T23:59:00, not " + n);
            }
            try {
                return Deadlines.parse(n.asText(), zone);
            } catch (IllegalArgumentException e) {
                throw fail(key, e.getMessage());
            }
        }

        private CourseFileException fail(String key, String problem) {
            return new CourseFileException(name + ": " + key + ": " + problem);
        }
    }
}
