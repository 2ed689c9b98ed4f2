package racecourse.server.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a student's machine keeps the service's address and their token, written once by
 * {@code racecourse login}: {@code ~/.config/racecourse/server} and {@code ~/.config/racecourse/token}
 * (the folder {@code RACECOURSE_CONFIG} names instead, if set). The token file is readable by its
 * owner only.
 */
public final class StudentConfig {
    private StudentConfig() {
    }

    public static Path folder() {
        String env = System.getenv("RACECOURSE_CONFIG");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".config", "racecourse");
    }

    public static Path tokenFile() {
        return folder().resolve("token");
    }

    public static Path serverFile() {
        return folder().resolve("server");
    }

    /** The server's address as stored, or null. */
    public static String server() throws IOException {
        Path f = serverFile();
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
    }

    public static void write(String server, String token) throws IOException {
        Files.createDirectories(folder());
        Files.writeString(serverFile(), server + "\n", StandardCharsets.UTF_8);
        Path t = tokenFile();
        Files.deleteIfExists(t);
        try {
            Files.createFile(t, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(t);
        }
        Files.writeString(t, token + "\n", StandardCharsets.UTF_8);
    }
}
