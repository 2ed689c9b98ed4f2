package racecourse.server;

import racecourse.grader.course.Course;
import racecourse.server.upload.UploadLimits;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a server runs: where it listens, its data folder (uploaded files; the SQLite file unless
 * {@code dbUrl} says otherwise), the course, how many grading threads it runs itself, their lease,
 * the upload limits, and whether cookies are marked Secure (the service is reached over HTTPS).
 */
public record ServerConfig(String host, int port, Path data, String dbUrl, Course course, int workers, Duration lease,
                           Duration poll, UploadLimits limits, boolean secureCookies) {
    /** Cookies without the Secure flag: plain HTTP on 127.0.0.1, as in the tests. */
    public ServerConfig(String host, int port, Path data, String dbUrl, Course course, int workers, Duration lease,
                        Duration poll, UploadLimits limits) {
        this(host, port, data, dbUrl, course, workers, lease, poll, limits, false);
    }

    public ServerConfig {
        if (workers < 0) {
            throw new IllegalArgumentException("--workers must be 0 or more, not " + workers);
        }
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("--lease must be at least 0.3 s");
        }
    }

    /** {@code HOST:PORT}, e.g. 127.0.0.1:8080, into host and port. */
    public static String[] parseBind(String bind) {
        int colon = bind.lastIndexOf(':');
        if (colon <= 0 || colon == bind.length() - 1) {
            throw new IllegalArgumentException("--bind " + bind + ": want HOST:PORT, e.g. 127.0.0.1:8080");
        }
        String port = bind.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--bind " + bind + ": the port must be a number from 0 to 65535");
        }
        return new String[] {bind.substring(0, colon), port};
    }
}
