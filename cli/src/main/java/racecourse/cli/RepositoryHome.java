package racecourse.cli;

import java.nio.file.Path;

/** The Racecourse checkout the command runs from: bin/racecourse passes it as a system property. */
public final class RepositoryHome {
    public static final String PROPERTY = "racecourse.home";

    private RepositoryHome() {
    }

    /** The repository root, or null when the CLI was started some other way. */
    public static Path orNull() {
        String home = System.getProperty(PROPERTY);
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }

    /** The repository root, or the current folder. */
    public static Path orCurrentFolder() {
        Path home = orNull();
        return home != null ? home : Path.of("").toAbsolutePath();
    }
}
