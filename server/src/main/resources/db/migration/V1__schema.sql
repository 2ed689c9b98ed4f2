-- One schema for SQLite and PostgreSQL: only types and statements both read alike.
-- Times are epoch milliseconds (UTC) from the server's clock.
CREATE TABLE principals (
    id VARCHAR(200) PRIMARY KEY,
    name VARCHAR(400) NOT NULL,
    role VARCHAR(20) NOT NULL,
    token_hash VARCHAR(64) UNIQUE
);

CREATE TABLE submissions (
    id VARCHAR(40) PRIMARY KEY,
    student VARCHAR(200) NOT NULL REFERENCES principals (id),
    exercises VARCHAR(2000) NOT NULL,
    late_exercises VARCHAR(2000) NOT NULL,
    received_at BIGINT NOT NULL,
    blob_sha256 VARCHAR(64) NOT NULL
);
CREATE INDEX submissions_by_student ON submissions (student, received_at);

-- The queue: one job per submission. A running job belongs to lease_owner until lease_until.
CREATE TABLE jobs (
    submission_id VARCHAR(40) PRIMARY KEY REFERENCES submissions (id),
    state VARCHAR(10) NOT NULL,
    attempts INTEGER NOT NULL,
    lease_owner VARCHAR(200),
    lease_until BIGINT,
    enqueued_at BIGINT NOT NULL,
    error VARCHAR(4000)
);
CREATE INDEX jobs_by_state ON jobs (state, enqueued_at);

-- At most one result per submission, whichever worker finishes first: the primary key is the guard.
CREATE TABLE results (
    submission_id VARCHAR(40) PRIMARY KEY REFERENCES submissions (id),
    grading TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    max_score DOUBLE PRECISION NOT NULL,
    graded_at BIGINT NOT NULL,
    worker VARCHAR(200) NOT NULL
);

-- Web sessions: the cookie's SHA-256, never the cookie itself.
CREATE TABLE sessions (
    id_hash VARCHAR(64) PRIMARY KEY,
    principal VARCHAR(200) NOT NULL REFERENCES principals (id),
    csrf VARCHAR(64) NOT NULL,
    expires_at BIGINT NOT NULL
);
