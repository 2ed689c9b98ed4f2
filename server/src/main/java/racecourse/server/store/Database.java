package racecourse.server.store;

import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The service's database: SQLite (a file, the default: nothing to set up) or PostgreSQL (a real
 * course, workers on other machines), through a HikariCP pool: a PostgreSQL connection costs a
 * backend process and a SCRAM log-in, far more than the statements of an upload. The pool drops
 * broken connections, so a restarted PostgreSQL is reconnected to. The schema is migrated by
 * Flyway from {@code db/migration}, one set of scripts for both.
 */
public final class Database implements AutoCloseable {
    /** Which database: where their SQL differs (claiming a job), the queue asks. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final String url;
    private final Kind kind;
    private final Properties properties = new Properties();
    private com.zaxxer.hikari.HikariDataSource pool;

    private Database(String url) {
        this.url = url;
        if (url.startsWith("jdbc:sqlite:")) {
            kind = Kind.SQLITE;
            // WAL + synchronous=FULL: a commit is on disk before it returns. transaction_mode
            // IMMEDIATE: every transaction starts as BEGIN IMMEDIATE, taking the single write lock at
            // once, so two workers cannot both read a job as free and then both take it.
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", "FULL");
            properties.setProperty("busy_timeout", "30000");
            properties.setProperty("foreign_keys", "true");
            properties.setProperty("transaction_mode", "IMMEDIATE");
        } else if (url.startsWith("jdbc:postgresql:")) {
            kind = Kind.POSTGRESQL;
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("socketTimeout", "60");
        } else {
            throw new IllegalArgumentException("--db " + url + ": not a database URL this service knows;"
                    + " use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U&password=P");
        }
    }

    /** The database at {@code url}, its schema migrated to this version. */
    public static Database open(String url) throws SQLException {
        Database db = new Database(url);
        if (db.kind == Kind.SQLITE) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
            try {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
            }
        }
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setDataSourceProperties(db.properties);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        config.setPoolName("racecourse-db");
        // Fail at the first request, not at start, when PostgreSQL is not up yet: it may be restarting.
        config.setInitializationFailTimeout(-1);
        db.pool = new com.zaxxer.hikari.HikariDataSource(config);
        try {
            db.migrate();
        } catch (SQLException | RuntimeException e) {
            db.pool.close();
            throw e;
        }
        return db;
    }

    /** The default database: a SQLite file in the data folder. */
    public static String defaultUrl(Path data) {
        return "jdbc:sqlite:" + data.resolve("racecourse.db").toAbsolutePath();
    }

    private void migrate() throws SQLException {
        try {
            Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration")
                    .load().migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new SQLException("cannot set up the database " + redacted() + ": " + e.getMessage(), e);
        }
    }

    public Connection connect() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }

    public Kind kind() {
        return kind;
    }

    /** The URL without its password, for messages and logs. */
    public String redacted() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** A unit of work in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (reads). */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = connect()) {
            return work.run(c);
        }
    }
}
