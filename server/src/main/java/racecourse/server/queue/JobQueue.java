package racecourse.server.queue;

import racecourse.server.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The grading queue, a table in the service's database (see docs/decisions.md, "The submission
 * service's queue"). A worker claims the oldest job that is queued or whose lease ran out; while
 * it grades it renews the lease; a worker that died stops renewing and its job is claimed again
 * once the lease ends. PostgreSQL claims with {@code SELECT … FOR UPDATE SKIP LOCKED}, so workers
 * on many machines never wait on each other's rows; SQLite claims inside {@code BEGIN IMMEDIATE}
 * (its single write lock). Either way the result is recorded at most once: the results table's
 * primary key refuses a second one, whichever worker comes second.
 */
public final class JobQueue {
    /** After this many claims (workers that died or failed on it), a job is marked failed, not retried. */
    public static final int MAX_ATTEMPTS = 3;

    private final Database db;

    public JobQueue(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** The next job for {@code worker}, leased until now + {@code lease}; empty when none is due. */
    public Optional<Job> claim(String worker, Duration lease) throws SQLException {
        return db.inTransaction(c -> {
            for (int tries = 0; tries < 10; tries++) {
                long now = System.currentTimeMillis();
                String id;
                int attempts;
                try (PreparedStatement s = c.prepareStatement("SELECT submission_id, attempts FROM jobs"
                        + " WHERE state = 'queued' OR (state = 'running' AND lease_until < ?)"
                        + " ORDER BY enqueued_at, submission_id LIMIT 1"
                        + (db.kind() == Database.Kind.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : ""))) {
                    s.setLong(1, now);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            return Optional.empty();
                        }
                        id = r.getString(1);
                        attempts = r.getInt(2);
                    }
                }
                if (attempts >= MAX_ATTEMPTS) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'failed', lease_owner = NULL,"
                            + " lease_until = NULL, error = ? WHERE submission_id = ?")) {
                        s.setString(1, "grading stopped " + attempts + " times without a result (the grading machine"
                                + " crashed or ran out of time); the instructor was told");
                        s.setString(2, id);
                        s.executeUpdate();
                    }
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'running', attempts = attempts + 1,"
                        + " lease_owner = ?, lease_until = ? WHERE submission_id = ?")) {
                    s.setString(1, worker);
                    s.setLong(2, now + lease.toMillis());
                    s.setString(3, id);
                    s.executeUpdate();
                }
                return Optional.of(job(c, id, attempts + 1));
            }
            return Optional.empty();
        });
    }

    private static Job job(Connection c, String id, int attempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT student, blob_sha256, exercises, received_at FROM submissions WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("job " + id + " has no submission");
                }
                return new Job(id, r.getString(1), r.getString(2), Arrays.asList(r.getString(3).split(",")),
                        Instant.ofEpochMilli(r.getLong(4)), attempt);
            }
        }
    }

    /** Extends {@code worker}'s lease; false when the job is no longer its own (taken over, or done). */
    public boolean renew(String submissionId, String worker, Duration lease) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET lease_until = ?"
                    + " WHERE submission_id = ? AND lease_owner = ? AND state = 'running'")) {
                s.setLong(1, System.currentTimeMillis() + lease.toMillis());
                s.setString(2, submissionId);
                s.setString(3, worker);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records the grading and ends the job. True when this call recorded it; false when a result
     * was already there (another worker took the job over after a lapsed lease and finished first).
     */
    public boolean complete(String submissionId, String worker, String gradingJson, double score, double maxScore)
            throws SQLException {
        return complete(submissionId, worker, gradingJson, score, maxScore, null);
    }

    /** As above, with the hidden tests' messages (JSON of {@code HiddenMessages}; null: none kept). */
    public boolean complete(String submissionId, String worker, String gradingJson, double score, double maxScore,
                            String hiddenMessagesJson) throws SQLException {
        return db.inTransaction(c -> {
            int inserted;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO results (submission_id, grading, score, max_score,"
                    + " graded_at, worker, hidden_messages) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING")) {
                s.setString(1, submissionId);
                s.setString(2, gradingJson);
                s.setDouble(3, score);
                s.setDouble(4, maxScore);
                s.setLong(5, System.currentTimeMillis());
                s.setString(6, worker);
                s.setString(7, hiddenMessagesJson);
                inserted = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'done', lease_owner = NULL,"
                    + " lease_until = NULL, error = NULL WHERE submission_id = ?")) {
                s.setString(1, submissionId);
                s.executeUpdate();
            }
            return inserted == 1;
        });
    }

    /**
     * Hands a job back untouched because its worker is stopping (not crashing): queued again at
     * once, and the claim does not count as an attempt.
     */
    public void release(String submissionId, String worker) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'queued', attempts = attempts - 1,"
                    + " lease_owner = NULL, lease_until = NULL WHERE submission_id = ? AND lease_owner = ? AND state = 'running'")) {
                s.setString(1, submissionId);
                s.setString(2, worker);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Gives the job back after an error of the grading machine (not of the student's code, which
     * the grader reports as verdicts): queued again, or failed for good after {@link #MAX_ATTEMPTS}.
     */
    public void giveBack(String submissionId, String worker, int attempt, String error) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = ?, lease_owner = NULL, lease_until = NULL,"
                    + " error = ? WHERE submission_id = ? AND lease_owner = ? AND state = 'running'")) {
                s.setString(1, attempt >= MAX_ATTEMPTS ? "failed" : "queued");
                s.setString(2, error.length() > 3900 ? error.substring(0, 3900) : error);
                s.setString(3, submissionId);
                s.setString(4, worker);
                return s.executeUpdate();
            }
        });
    }
}
