package racecourse.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases the storage and queue tests run against: a fresh SQLite file always, and the
 * PostgreSQL that {@code RACECOURSE_TEST_POSTGRES} names (.ci/run sets it after
 * .ci/setup/30-postgresql.sh). Without it a developer's run skips PostgreSQL, saying so; under
 * CI=true its absence is a failure, never a silent skip.
 */
public final class Databases {
    public static final String ENV = "RACECOURSE_TEST_POSTGRES";

    private Databases() {
    }

    /** "sqlite" and, when configured (always under CI), "postgresql". */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("sqlite"));
        if (postgresUrl() != null || "true".equals(System.getenv("CI"))) {
            kinds.add("postgresql");
        } else {
            System.err.println("Databases: " + ENV + " is not set, so the PostgreSQL half of these tests does not run here"
                    + " (run .ci/setup/30-postgresql.sh as root and export what it prints)");
        }
        return kinds;
    }

    static String postgresUrl() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? null : url;
    }

    /** A database of that kind with nothing in it: a new SQLite file in {@code dir}, or a wiped PostgreSQL schema. */
    public static String fresh(String kind, Path dir) throws Exception {
        if (kind.equals("sqlite")) {
            return "jdbc:sqlite:" + dir.resolve("test.db");
        }
        String url = postgresUrl();
        if (url == null) {
            throw new AssertionError("CI=true but " + ENV + " is not set: .ci/setup/30-postgresql.sh did not run or failed");
        }
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return url;
    }
}
