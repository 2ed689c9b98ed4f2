package racecourse.grader.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one codec of the child → grader protocol: a line is a JSON object
 * {@code {"token": T, "kind": K, ...the event's fields}}. The token is the run's secret (the child
 * read it from stdin before any submission code ran), so lines a submission forges without it are
 * rejected; so are lines that are not JSON objects, of an unknown kind, missing a field, or longer
 * than {@link #MAX_LINE_CHARS}. Each rejected line is kept as a one-line reason.
 */
public final class ChildEvents {
    /** Longer lines are rejected unread (the longest real one, a Lincheck report, is cut at 200 000 chars). */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** At most this many rejections are told one by one; the rest are counted. */
    static final int MAX_REASONS = 20;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Map<String, Class<? extends ChildEvent>> KINDS = Map.of(
            "start", ChildEvent.Started.class,
            "passed", ChildEvent.Passed.class,
            "failed", ChildEvent.Failed.class,
            "fatal", ChildEvent.Fatal.class,
            "container", ChildEvent.ContainerFailed.class,
            "done", ChildEvent.Done.class,
            "lincheck-trace", ChildEvent.LincheckTrace.class,
            "lincheck-no-failure", ChildEvent.LincheckNoFailure.class,
            "lincheck-error", ChildEvent.LincheckError.class);

    private ChildEvents() {
    }

    /** What a result file held: the accepted events in order and why other lines were rejected. */
    public record Read(List<ChildEvent> events, List<String> rejected) {
        /** The events of one type, in order. */
        public <E extends ChildEvent> List<E> of(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The line (without its newline) that carries {@code event} under {@code token}. */
    public static String encode(String token, ChildEvent event) {
        JsonObject line = new JsonObject();
        line.addProperty("token", token);
        line.addProperty("kind", kind(event));
        for (Map.Entry<String, JsonElement> field : GSON.toJsonTree(event).getAsJsonObject().entrySet()) {
            line.add(field.getKey(), field.getValue());
        }
        return GSON.toJson(line);
    }

    static String kind(ChildEvent event) {
        for (Map.Entry<String, Class<? extends ChildEvent>> k : KINDS.entrySet()) {
            if (k.getValue() == event.getClass()) {
                return k.getKey();
            }
        }
        throw new IllegalArgumentException("no kind for " + event.getClass());
    }

    /** The event of one line, or a {@link Rejected} saying why not. */
    public static ChildEvent decode(String token, String line) throws Rejected {
        if (line.length() > MAX_LINE_CHARS) {
            throw new Rejected("longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonObject object;
        try {
            JsonElement parsed = JsonParser.parseString(line);
            if (!parsed.isJsonObject()) {
                throw new Rejected("not a JSON object");
            }
            object = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new Rejected("not JSON (" + e.getMessage() + ")");
        }
        JsonElement t = object.get("token");
        if (t == null || !t.isJsonPrimitive() || !token.equals(t.getAsString())) {
            throw new Rejected("not carrying this run's token");
        }
        JsonElement k = object.get("kind");
        Class<? extends ChildEvent> type = k != null && k.isJsonPrimitive() ? KINDS.get(k.getAsString()) : null;
        if (type == null) {
            throw new Rejected("unknown kind " + (k == null ? "(none)" : k));
        }
        try {
            ChildEvent e = GSON.fromJson(object, type);
            if (e == null) {
                throw new Rejected("empty " + k.getAsString() + " event");
            }
            return e;
        } catch (RuntimeException e) {
            // Gson reports a record field of the wrong type, or a null field refused by the record's constructor.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Rejected("a " + k.getAsString() + " event with a missing or wrong field (" + cause.getMessage() + ")");
        }
    }

    /**
     * Reads every line of {@code in}: accepted events in order, rejections as
     * {@code "line N: reason"}. A line over the limit is skipped without being held in memory.
     */
    public static Read read(Reader in, String token) throws IOException {
        List<ChildEvent> events = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int more = 0;
        BufferedReader chars = new BufferedReader(in);
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean open = false;          // a line has begun and not ended
        int number = 0;
        int c;
        do {
            c = chars.read();
            if (c != '\n' && c != -1) {
                open = true;
                if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
                continue;
            }
            if (c == -1 && !open) {
                break;
            }
            number++;
            String reason = null;
            if (tooLong) {
                reason = "longer than " + MAX_LINE_CHARS + " characters";
            } else if (!line.toString().isBlank()) {
                try {
                    events.add(decode(token, line.toString()));
                } catch (Rejected r) {
                    reason = r.getMessage();
                }
            }
            if (reason != null && rejected.size() < MAX_REASONS) {
                rejected.add("line " + number + ": " + reason);
            } else if (reason != null) {
                more++;
            }
            line.setLength(0);
            tooLong = false;
            open = false;
        } while (c != -1);
        if (more > 0) {
            rejected.add("and " + more + " more lines rejected");
        }
        return new Read(List.copyOf(events), List.copyOf(rejected));
    }

    /** Why a line is not an event of this run. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }
}
