package racecourse.cli.release;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racecourse.cli.CommandFailure;
import racecourse.cli.RepositoryHome;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@code racecourse student-edition --out DIR}: writes the repository a class is given. It holds the
 * notebooks, the exercises (skeletons generated from the references as {@code release} does, the
 * statements, the public tests), the jars this command runs from minus the hidden suites' module,
 * a student command line ({@code kernel install}, {@code check}), a Makefile, a README, and the
 * Binder files. Prebuilt jars rather than sources and a build: a student needs a JDK and Python,
 * not Maven and its downloads, and there is no instructor source to leave out by mistake.
 */
@Command(name = "student-edition", mixinStandardHelpOptions = true,
        description = {"Write the student edition of the course into DIR (new or empty, outside this repository):",
                "notebooks, exercise skeletons, statements and public tests, the kernel and the student CLI.",
                "No solutions, no hidden tests, no corpus, no instructor docs."})
public final class StudentEditionCommand implements Callable<Integer> {
    /** The jar of the hidden suites (module autograder-hidden): never in an edition. */
    static final String HIDDEN_JAR_PREFIX = "racecourse-autograder-hidden";
    /**
     * Jars only the submission service's server side needs (web server, databases, migrations,
     * templates): a student's {@code login} and {@code submit} need none of them, and they are half
     * the command line's jars by size (sqlite-jdbc alone carries native libraries for every platform).
     */
    static final List<String> SERVER_ONLY_JAR_PREFIXES = List.of("javalin-", "jetty-", "jakarta.", "sqlite-jdbc-",
            "postgresql-", "checker-qual-", "flyway-", "HikariCP-", "jte-");
    /** Where the hidden suites' classes are, in any jar. */
    static final String HIDDEN_ENTRY_PREFIX = racecourse.grader.harness.Suites.HIDDEN_PACKAGE.replace('.', '/') + "/";
    private static final String TEMPLATES = "racecourse/cli/edition/";

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the edition goes: a new or empty folder outside this repository.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path home = RepositoryHome.orCurrentFolder().toRealPath();
        Path to = checkedOut(home, out);
        Path references = home.resolve("solutions/src/main/java/exercises");
        if (!Files.isDirectory(references) || !Files.isDirectory(home.resolve("notebooks"))) {
            throw new CommandFailure("no solutions/ or notebooks/ in " + home + ": run this from the instructor repository");
        }
        List<Path> jars = editionJars();
        Map<String, String> skeletons = ReleaseCommand.generateAll(references);
        boolean created = !Files.exists(to);
        try {
            write(home, to, jars, skeletons);
            for (Path jar : list(to.resolve("lib"))) {
                refuseHidden(jar);
            }
        } catch (IOException | RuntimeException e) {
            clean(to, created);
            throw e;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("student-edition: wrote %s (%d exercises, %d jars) in %.1f s%n", to, skeletons.size(), jars.size(),
                (System.nanoTime() - start) / 1e9);
        stdout.flush();
        return 0;
    }

    /** {@code out} made absolute, refused when it is inside the instructor repository or not empty. */
    static Path checkedOut(Path home, Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path real = existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
        if (real.startsWith(home)) {
            throw new CommandFailure(out + " is inside the instructor repository " + home
                    + "; the edition must go elsewhere (e.g. --out ../racecourse-student)");
        }
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new CommandFailure(out + " is a file, not a folder");
            }
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new CommandFailure(out + " is not empty; give a new or empty folder");
                }
            }
        }
        return abs;
    }

    /** The jars this command runs from, without the hidden suites'; a jar holding them or a reference is refused. */
    private static List<Path> editionJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (!name.endsWith(".jar") || !Files.isRegularFile(p) || name.startsWith(HIDDEN_JAR_PREFIX)
                    || SERVER_ONLY_JAR_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            refuseHidden(p);
            jars.add(p);
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("racecourse-cli"))) {
            throw new CommandFailure("this command runs from the built jars: use bin/racecourse student-edition");
        }
        return jars;
    }

    /** Fails when {@code jar} holds a hidden suite or a reference solution's class. */
    static void refuseHidden(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith(HIDDEN_ENTRY_PREFIX)
                            || n.startsWith("exercises/") && !n.startsWith("exercises/tests/") && n.endsWith(".class"))
                    .findFirst().ifPresent(n -> {
                        throw new CommandFailure(jar + " holds " + n + ", which a student must not get");
                    });
        }
    }

    private static void write(Path home, Path to, List<Path> jars, Map<String, String> skeletons) throws IOException {
        Files.createDirectories(to);
        for (Path jar : jars) {
            copy(jar, to.resolve("lib").resolve(jar.getFileName().toString()));
        }
        for (Map.Entry<String, String> s : skeletons.entrySet()) {
            writeText(to.resolve("exercises").resolve(s.getKey()), s.getValue());
        }
        for (Path statement : list(home.resolve("exercises"))) {
            String name = statement.getFileName().toString();
            if (name.endsWith(".md") && !name.equals("README.md")) {
                copy(statement, to.resolve("exercises").resolve(name));
            }
        }
        writeText(to.resolve("exercises/README.md"), exercisesReadme(
                Files.readString(home.resolve("exercises/README.md"), StandardCharsets.UTF_8)));
        for (Path test : list(home.resolve("exercises/tests"))) {
            if (test.getFileName().toString().endsWith("PublicTest.java")) {
                copy(test, to.resolve("exercises/tests").resolve(test.getFileName().toString()));
            }
        }
        for (Path notebook : list(home.resolve("notebooks"))) {
            if (notebook.getFileName().toString().endsWith(".ipynb")) {
                copy(notebook, to.resolve("notebooks").resolve(notebook.getFileName().toString()));
            }
        }
        copy(home.resolve("bin/lib/jdk.sh"), to.resolve("bin/lib/jdk.sh"));
        copy(home.resolve("bin/make-venv"), to.resolve("bin/make-venv"));
        copy(home.resolve("requirements.txt"), to.resolve("requirements.txt"));
        for (String t : List.of("README.md", "Makefile", "bin/racecourse", "environment.yml", "postBuild")) {
            writeText(to.resolve(t), template(t));
        }
        writeText(to.resolve(".gitignore"), template("gitignore"));
        for (String x : List.of("bin/racecourse", "bin/make-venv", "postBuild")) {
            Files.setPosixFilePermissions(to.resolve(x), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * The exercises' README for students: up to where it tells instructors where the skeletons come
     * from, and saying that the checks here run the public tests only.
     */
    static String exercisesReadme(String instructors) {
        int cut = instructors.indexOf("## Where these files come from");
        String text = cut < 0 ? instructors : instructors.substring(0, cut);
        text = text.replaceAll("The check runs the same tests as the final grading, public and hidden \\(hidden\\s+tests show only their verdict\\),",
                "The check runs the public tests (`exercises/tests/`); the hidden tests run when your work is\nsubmitted. It runs them");
        return text.stripTrailing() + "\n\n## Public and hidden tests\n\nHere `%grade` and `bin/racecourse check` run the public"
                + " tests only. The hidden tests run when\nyour work is submitted, and they count for the grade.\n";
    }

    private static String template(String name) throws IOException {
        try (InputStream in = StudentEditionCommand.class.getClassLoader().getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("the CLI jar lacks its edition template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void writeText(Path to, String text) throws IOException {
        Files.createDirectories(to.getParent());
        Files.writeString(to, text, StandardCharsets.UTF_8);
    }

    /** Removes what a failed run wrote: the folder if this run created it, else its contents. */
    private static void clean(Path to, boolean created) {
        try (Stream<Path> walk = Files.walk(to)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> created || !p.equals(to)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // what is left is reported by the failure itself
        }
    }
}
