-- Uploaded files also in the database (base64 text: one type both databases read alike), so a
-- `racecourse worker` on another machine needs only the database, not the server's data folder.
CREATE TABLE blobs (
    sha256 VARCHAR(64) PRIMARY KEY,
    zip_base64 TEXT NOT NULL
);
