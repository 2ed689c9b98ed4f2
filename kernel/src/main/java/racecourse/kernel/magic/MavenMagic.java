package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Folders;
import racecourse.kernel.Interpreter.Outcome;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code %maven GROUP:ARTIFACT:VERSION ...}: adds Maven artifacts and what they depend on at run
 * time to the class path, as IJava's magic of the same name does. Maven itself resolves them (the
 * course builds with it, Binder installs it): a hand-written resolver would get parent POMs,
 * properties, scopes and version ranges subtly wrong. Resolved jars are kept per set of coordinates
 * under the user's cache folder, so running the cell again costs nothing; Maven tries its local
 * repository first and goes to the network only if that fails.
 */
final class MavenMagic implements Magic {
    /** Plain coordinates only: what goes into the generated POM can never be markup. */
    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+");
    private static final long RESOLVE_MINUTES = 5;
    private static final String DONE = ".resolved";

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public String help() {
        return "%maven GROUP:ARTIFACT:VERSION ...  add Maven artifacts and their runtime dependencies (needs mvn)";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws Exception {
        List<String> coordinates = new ArrayList<>();
        for (String c : args.strip().split("\\s+")) {
            if (c.isEmpty()) {
                continue;
            }
            if (!COORDINATE.matcher(c).matches()) {
                throw new MagicUsageException("not a Maven coordinate: " + abbreviate(c)
                        + " (expected GROUP:ARTIFACT:VERSION, e.g. org.apache.commons:commons-text:1.12.0)");
            }
            coordinates.add(c);
        }
        if (coordinates.isEmpty()) {
            throw new MagicUsageException("name at least one artifact, e.g. %maven org.apache.commons:commons-text:1.12.0");
        }
        Path folder = cacheFolder(coordinates);
        if (!Files.exists(folder.resolve(DONE))) {
            context.cell().write(Cell.Stream.STDERR, "resolving " + String.join(", ", coordinates) + " with Maven...\n");
            resolve(coordinates, folder);
        }
        List<Path> jars = ClasspathMagic.jarsIn(folder);
        for (Path jar : jars) {
            context.addToClasspath(jar);
        }
        context.cell().write(Cell.Stream.STDOUT, "added to the class path: " + jars.size()
                + (jars.size() == 1 ? " jar" : " jars") + " ("
                + String.join(", ", jars.stream().map(p -> p.getFileName().toString()).toList()) + ")\n");
        return new Outcome.Ok(Optional.empty());
    }

    private static void resolve(List<String> coordinates, Path folder) throws IOException, InterruptedException,
            MagicUsageException {
        Path mvn = findMaven().orElseThrow(() -> new MagicUsageException(
                "%maven needs Maven (mvn) on the PATH or in MAVEN_HOME; without it, download the jars and use %classpath"));
        Path project = Files.createTempDirectory("racecourse-maven-");
        Path log = project.resolve("mvn.log");
        try {
            Files.writeString(project.resolve("pom.xml"), pom(coordinates));
            // A folder of its own, moved into place when complete: two kernels resolving the same
            // artifacts at once never see each other's half-copied jars.
            Path staging = Files.createTempDirectory(Files.createDirectories(folder.getParent()),
                    folder.getFileName() + ".partial-");
            // Offline first: what the local repository holds needs no network and no waiting.
            int exit = runMaven(mvn, project, staging, log, true);
            if (exit != 0) {
                exit = runMaven(mvn, project, staging, log, false);
            }
            if (exit != 0) {
                Folders.deleteTree(staging);
                throw new MagicUsageException("Maven could not resolve " + String.join(", ", coordinates) + ":\n"
                        + errors(log));
            }
            Files.writeString(staging.resolve(DONE), String.join("\n", coordinates) + "\n");
            try {
                Files.move(staging, folder);
            } catch (IOException alreadyThere) {
                Folders.deleteTree(staging);
                if (!Files.exists(folder.resolve(DONE))) {
                    throw alreadyThere;
                }
            }
        } finally {
            Folders.deleteTree(project);
        }
    }

    private static int runMaven(Path mvn, Path project, Path out, Path log, boolean offline)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-f", project.resolve("pom.xml").toString()));
        if (offline) {
            cmd.add("-o");
        }
        cmd.addAll(List.of("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                "-DincludeScope=runtime", "-DoutputDirectory=" + out));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try {
            if (!p.waitFor(RESOLVE_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Files.writeString(log, "[ERROR] Maven took over " + RESOLVE_MINUTES + " minutes\n");
                return -1;
            }
            return p.exitValue();
        } finally {
            // An interrupted cell must not leave Maven running.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    static String pom(List<String> coordinates) {
        StringBuilder deps = new StringBuilder();
        for (String c : coordinates) {
            String[] g = c.split(":");
            deps.append("    <dependency><groupId>").append(g[0]).append("</groupId><artifactId>").append(g[1])
                    .append("</artifactId><version>").append(g[2]).append("</version></dependency>\n");
        }
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>racecourse.cell</groupId>
                  <artifactId>maven-magic</artifactId>
                  <version>1</version>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(deps);
    }

    private static Optional<Path> findMaven() {
        String home = System.getenv("MAVEN_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Optional.of(Path.of(home, "bin", "mvn"));
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mvn");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path cacheFolder(List<String> coordinates) throws NoSuchAlgorithmException {
        String base = System.getenv("XDG_CACHE_HOME");
        Path cache = base != null && !base.isBlank() ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache");
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(String.join(" ", coordinates.stream().sorted().toList()).getBytes(StandardCharsets.UTF_8));
        return cache.resolve("racecourse").resolve("maven").resolve(HexFormat.of().formatHex(digest, 0, 12));
    }

    /** Maven's [ERROR] lines that say what went wrong (not its advice on how to debug Maven); at most a few. */
    private static String errors(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").replaceAll(" -> \\[Help \\d+]$", "").strip())
                .filter(l -> l.startsWith("[ERROR] ") && !l.contains("re-run Maven") && !l.contains("Re-run Maven")
                        && !l.contains("For more information") && !l.startsWith("[ERROR] [Help"))
                .limit(4).toList();
        return lines.isEmpty() ? "(Maven said nothing more)" : String.join("\n", lines);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
