package racecourse.kernel.magic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest source that {@code %%javac} (or {@code %load FILE.java}) compiled for each top-level
 * class, so that {@code %grade} grades the version the student is using. One kernel JVM is one
 * notebook session, so this lives as long as the session and no longer.
 */
final class JavacSources {
    /** A compiled source and where it came from, e.g. "cell [5]". */
    record Source(String text, String origin) {
    }

    private static final Map<String, Source> LATEST = new ConcurrentHashMap<>();

    private JavacSources() {
    }

    static void remember(List<String> topLevelClasses, String text, String origin) {
        Source s = new Source(text, origin);
        topLevelClasses.forEach(c -> LATEST.put(c, s));
    }

    /** The latest source that defined {@code className} (fully qualified) in this session. */
    static Optional<Source> latest(String className) {
        return Optional.ofNullable(LATEST.get(className));
    }
}
