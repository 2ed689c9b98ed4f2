package racecourse.cli.gradescope;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.cli.CommandFailure;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code racecourse gradescope-bundle --out autograder.zip}: Gradescope's "zip file upload"
 * autograder: {@code setup.sh} and {@code run_autograder} (from deploy/gradescope/, executable in
 * the zip) and the grader's jars in {@code lib/}. Written to a temporary file, then moved in place.
 */
@Command(name = "gradescope-bundle", mixinStandardHelpOptions = true,
        description = "Build the Gradescope autograder zip (setup.sh, run_autograder, the grader's jars).")
public final class GradescopeBundleCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", description = "Where the zip goes (default: autograder.zip).")
    Path out = Path.of("autograder.zip");

    @Option(names = "--course", paramLabel = "FILE", description = {"Ship this course file (and its extensions file) as source/course.toml:",
            "run_autograder then grades its exercises with its points, weights and late policy, the receive time",
            "from Gradescope's submission_metadata.json."})
    Path course;

    @Override
    public Integer call() throws IOException {
        racecourse.cli.regrade.CourseOption.read(course); // a bad file stops here, in one line
        String extensions = course == null ? null
                : new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(course.toFile()).path("extensions").asText(null);
        if (extensions != null && (extensions.contains("/") || extensions.contains("\\") || extensions.startsWith("."))) {
            throw new CommandFailure("the bundle needs the extensions file beside " + course + " (extensions = \"extensions.csv\"), not \""
                    + extensions + "\"");
        }
        Path scripts = racecourse.cli.RepositoryHome.orCurrentFolder().resolve("deploy").resolve("gradescope");
        for (String f : List.of("setup.sh", "run_autograder")) {
            if (!Files.isRegularFile(scripts.resolve(f))) {
                throw new CommandFailure("no " + scripts.resolve(f) + "; run from a Racecourse checkout");
            }
        }
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".gradescope-", ".zip");
        Files.delete(tmp); // the zip file system creates it
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (String f : List.of("setup.sh", "run_autograder")) {
                Path inZip = zip.getPath(f);
                Files.copy(scripts.resolve(f), inZip);
                Files.setPosixFilePermissions(inZip, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (course != null) {
                Files.copy(course, zip.getPath("course.toml"));
                if (extensions != null) {
                    Files.copy(course.toAbsolutePath().getParent().resolve(extensions), zip.getPath(extensions));
                }
            }
            Path lib = Files.createDirectories(zip.getPath("lib"));
            for (Path jar : jars()) {
                Files.copy(jar, lib.resolve(jar.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + target);
        return 0;
    }

    /** The jars this command runs from: the CLI and everything the grader needs. */
    private static List<Path> jars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                jars.add(p);
            }
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("racecourse-autograder"))) {
            throw new CommandFailure("the grader is not built yet: run 'make build' (or bin/racecourse, which builds it)");
        }
        return jars;
    }
}
