package racecourse.server.store;

import racecourse.grader.batch.RosterFile;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service's records in the database: who may come in, the submissions, the web sessions. Plain JDBC. */
public final class Store {
    private final Database db;

    public Store(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Adds the roster's students not yet known (and renames those whose name changed); returns how many were added. */
    public int enrol(RosterFile roster) throws SQLException {
        for (RosterFile.Enrolled s : roster.students()) {
            if (s.id().startsWith("@")) {
                throw new IllegalArgumentException("roster: the id '" + s.id() + "' starts with @, which the service keeps for the instructor");
            }
        }
        return db.inTransaction(c -> {
            int added = 0;
            for (RosterFile.Enrolled s : roster.students()) {
                added += upsert(c, s.id(), s.name().isBlank() ? s.id() : s.name(), Principal.Role.STUDENT);
                try (PreparedStatement u = c.prepareStatement("UPDATE principals SET email = ?, section = ?, sis_id = ? WHERE id = ?")) {
                    u.setString(1, s.email());
                    u.setString(2, s.section());
                    u.setString(3, s.sisId());
                    u.setString(4, s.id());
                    u.executeUpdate();
                }
            }
            upsert(c, Principal.INSTRUCTOR_ID, "Instructor", Principal.Role.INSTRUCTOR);
            return added;
        });
    }

    private static int upsert(Connection c, String id, String name, Principal.Role role) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE principals SET name = ? WHERE id = ?")) {
            u.setString(1, name);
            u.setString(2, id);
            if (u.executeUpdate() == 1) {
                return 0;
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO principals (id, name, role) VALUES (?, ?, ?)")) {
            i.setString(1, id);
            i.setString(2, name);
            i.setString(3, role.name());
            return i.executeUpdate();
        }
    }

    public List<Principal> principals() throws SQLException {
        return db.read(c -> {
            List<Principal> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, role FROM principals ORDER BY role DESC, id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Principal(r.getString(1), r.getString(2), Principal.Role.valueOf(r.getString(3))));
                }
            }
            return out;
        });
    }

    /** The students as the roster gave them (id order), for the LMS exports. */
    public RosterFile roster() throws SQLException {
        return db.read(c -> {
            List<RosterFile.Enrolled> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, email, section, sis_id FROM principals"
                    + " WHERE role = 'STUDENT' ORDER BY id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new RosterFile.Enrolled(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
            return new RosterFile(out);
        });
    }

    /** Whether the principal already has a token. */
    public boolean hasToken(String id) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT token_hash FROM principals WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getString(1) != null;
                }
            }
        });
    }

    /** Gives {@code id} a new token (the old one stops working) and returns it: the only time it is seen. */
    public String issueToken(String id) throws SQLException {
        String token = Tokens.newToken();
        int n = db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE principals SET token_hash = ? WHERE id = ?")) {
                s.setString(1, Tokens.hash(token));
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
        if (n != 1) {
            throw new IllegalArgumentException("no student " + id + " in the service's roster");
        }
        return token;
    }

    /** Who holds {@code token}, if anyone. */
    public Optional<Principal> byToken(String token) throws SQLException {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, role, token_hash FROM principals WHERE token_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && Tokens.matches(token, r.getString(4))) {
                        return Optional.of(new Principal(r.getString(1), r.getString(2), Principal.Role.valueOf(r.getString(3))));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    /**
     * How many submissions {@code student} made since {@code since}, and the oldest of them (to say
     * when the next one is allowed).
     */
    public record Recent(int count, Instant oldest) {
    }

    public Recent recent(String student, Instant since) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*), MIN(received_at) FROM submissions WHERE student = ? AND received_at > ?")) {
                s.setString(1, student);
                s.setLong(2, since.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long oldest = r.getLong(2);
                    return new Recent(r.getInt(1), r.wasNull() ? null : Instant.ofEpochMilli(oldest));
                }
            }
        });
    }

    /** Records a submission whose files are already on disk, and queues its grading, in one transaction. */
    public void add(Receipt receipt, String blobSha256) throws SQLException {
        add(receipt, blobSha256, null);
    }

    /**
     * As {@link #add(Receipt, String)}, and the files' bytes too (null: not kept in the database),
     * for workers on machines without the server's data folder.
     */
    public void add(Receipt receipt, String blobSha256, byte[] zip) throws SQLException {
        db.inTransaction(c -> {
            if (zip != null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO blobs (sha256, zip_base64) VALUES (?, ?)"
                        + " ON CONFLICT (sha256) DO NOTHING")) {
                    s.setString(1, blobSha256);
                    s.setString(2, java.util.Base64.getEncoder().encodeToString(zip));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO submissions (id, student, exercises, late_exercises,"
                    + " received_at, blob_sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, receipt.id());
                s.setString(2, receipt.student());
                s.setString(3, String.join(",", receipt.exercises()));
                s.setString(4, String.join(",", receipt.lateExercises()));
                s.setLong(5, receipt.receivedAt().toEpochMilli());
                s.setString(6, blobSha256);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO jobs (submission_id, state, attempts, enqueued_at)"
                    + " VALUES (?, 'queued', 0, ?)")) {
                s.setString(1, receipt.id());
                s.setLong(2, receipt.receivedAt().toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The stored files of {@code sha256} from the database, if it holds them. */
    public Optional<byte[]> blob(String sha256) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT zip_base64 FROM blobs WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(java.util.Base64.getDecoder().decode(r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    private static final String SELECT = "SELECT s.id, s.student, s.received_at, s.exercises, s.late_exercises, s.blob_sha256,"
            + " j.state, j.error, r.grading, r.score, r.max_score, r.hidden_messages"
            + " FROM submissions s JOIN jobs j ON j.submission_id = s.id LEFT JOIN results r ON r.submission_id = s.id";

    public Optional<StoredSubmission> submission(String id) throws SQLException {
        List<StoredSubmission> found = query(SELECT + " WHERE s.id = ?", id);
        return found.stream().findFirst();
    }

    /** A student's submissions, newest first. */
    public List<StoredSubmission> submissionsOf(String student) throws SQLException {
        return query(SELECT + " WHERE s.student = ? ORDER BY s.received_at DESC, s.id DESC", student);
    }

    /** Every submission, oldest first. */
    public List<StoredSubmission> all() throws SQLException {
        return query(SELECT + " ORDER BY s.received_at, s.id");
    }

    /** How many submissions are in each job state. */
    public Map<String, Integer> queueCounts() throws SQLException {
        return db.read(c -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM jobs GROUP BY state ORDER BY state");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    m.put(r.getString(1), r.getInt(2));
                }
            }
            return m;
        });
    }

    private List<StoredSubmission> query(String sql, String... args) throws SQLException {
        return db.read(c -> {
            List<StoredSubmission> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setString(i + 1, args[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Receipt receipt = new Receipt(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                                list(r.getString(4)), list(r.getString(5)));
                        double score = r.getDouble(10);
                        Double sc = r.wasNull() ? null : score;
                        double max = r.getDouble(11);
                        Double mx = r.wasNull() ? null : max;
                        out.add(new StoredSubmission(receipt, r.getString(6), state(r.getString(7), r.getString(9) != null),
                                r.getString(8), r.getString(9), sc, mx, r.getString(12)));
                    }
                }
            }
            return out;
        });
    }

    private static SubmissionStatus.State state(String job, boolean hasResult) {
        if (hasResult) {
            return SubmissionStatus.State.GRADED;
        }
        return switch (job) {
            case "queued" -> SubmissionStatus.State.QUEUED;
            case "running" -> SubmissionStatus.State.GRADING;
            case "failed" -> SubmissionStatus.State.FAILED;
            default -> SubmissionStatus.State.GRADED;
        };
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    // --- web sessions ---

    /** A web session: who, and the token its forms must carry. */
    public record Session(Principal principal, String csrf) {
    }

    /** Starts a session for {@code p}; returns the cookie value (stored only as its hash). */
    public String startSession(Principal p, String csrf, Instant expires) throws SQLException {
        String cookie = Tokens.newToken();
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
                s.setLong(1, Instant.now().toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sessions (id_hash, principal, csrf, expires_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, Tokens.hash(cookie));
                s.setString(2, p.id());
                s.setString(3, csrf);
                s.setLong(4, expires.toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
        return cookie;
    }

    public Optional<Session> session(String cookie) throws SQLException {
        if (cookie == null || cookie.isBlank() || cookie.length() > 200) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.name, p.role, x.csrf, x.id_hash FROM sessions x"
                    + " JOIN principals p ON p.id = x.principal WHERE x.id_hash = ? AND x.expires_at > ?")) {
                s.setString(1, Tokens.hash(cookie));
                s.setLong(2, Instant.now().toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && Tokens.matches(cookie, r.getString(5))) {
                        return Optional.of(new Session(new Principal(r.getString(1), r.getString(2),
                                Principal.Role.valueOf(r.getString(3))), r.getString(4)));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    public void endSession(String cookie) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
                s.setString(1, Tokens.hash(cookie));
                return s.executeUpdate();
            }
        });
    }
}
