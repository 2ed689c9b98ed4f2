package racecourse.cli.release;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racecourse.cli.CommandFailure;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code racecourse release [--check] [--solutions DIR] [--out DIR]}: regenerates the student
 * skeletons {@code exercises/*.java} from the reference solutions (see {@link SkeletonGenerator}).
 * Only the {@code .java} files are generated; the {@code .md} statements are written by hand.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Generate the student skeletons exercises/*.java from solutions/src/main/java/exercises/*.java:",
                "each // BEGIN SOLUTION ... // END SOLUTION region becomes a // TODO.",
                "With --check, write nothing and exit 1 if a committed skeleton is out of date."})
public final class ReleaseCommand implements Callable<Integer> {
    /** System property naming the repository root; bin/racecourse sets it. */
    public static final String HOME_PROPERTY = racecourse.cli.RepositoryHome.PROPERTY;

    @Option(names = "--solutions", paramLabel = "DIR",
            description = "Where the reference solutions are (default: <repo>/solutions/src/main/java/exercises).")
    Path solutions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the skeletons go (default: <repo>/exercises).")
    Path out;

    @Option(names = "--check", description = "Write nothing; list the skeletons that differ and exit 1 if any does.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "")).toAbsolutePath().normalize();
        Path from = solutions != null ? solutions : home.resolve("solutions/src/main/java/exercises");
        Path to = out != null ? out : home.resolve("exercises");
        if (!Files.isDirectory(from)) {
            throw new CommandFailure("no solutions folder " + from
                    + " (run from the repository root, or pass --solutions DIR)");
        }
        Map<String, String> wanted = generateAll(from);
        List<String> stale = new ArrayList<>();     // skeletons to write: missing or different
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Path target = to.resolve(e.getKey());
            if (!Files.isRegularFile(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        List<String> orphans = orphans(to, wanted);  // generated earlier, solution since removed
        if (check) {
            if (stale.isEmpty() && orphans.isEmpty()) {
                stdout.println("release: " + wanted.size() + " skeletons in " + to + " are up to date");
                stdout.flush();
                return 0;
            }
            for (String name : stale) {
                stdout.println("out of date: " + to.resolve(name));
            }
            for (String name : orphans) {
                stdout.println("no solution any more: " + to.resolve(name));
            }
            stdout.println("run 'bin/racecourse release' to regenerate them, then commit the result");
            stdout.flush();
            return 1;
        }
        Files.createDirectories(to);
        for (String name : stale) {
            writeAtomically(to.resolve(name), wanted.get(name));
            stdout.println("wrote " + to.resolve(name));
        }
        for (String name : orphans) {
            Files.delete(to.resolve(name));
            stdout.println("deleted " + to.resolve(name) + " (its solution is gone)");
        }
        stdout.println("release: " + wanted.size() + " skeletons in " + to + ", " + stale.size() + " updated");
        stdout.flush();
        return 0;
    }

    /**
     * The skeleton of every solution in {@code from}, by file name, in name order. Fails as a
     * whole, before anything is written, if any solution has bad markers or no region at all.
     */
    static Map<String, String> generateAll(Path from) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new CommandFailure("no .java files in " + from);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!SkeletonGenerator.hasRegions(text)) {
                throw new CommandFailure(file + " has no // BEGIN SOLUTION region: its skeleton would be the full solution");
            }
            try {
                result.put(name, SkeletonGenerator.generate(name, text));
            } catch (SkeletonGenerator.MarkerException e) {
                throw new CommandFailure(file + ":" + e.getMessage().replaceFirst("^line ", ""));
            }
        }
        return result;
    }

    /** Files in {@code to} that this command generated (by their header) but that no solution produces now. */
    private static List<String> orphans(Path to, Map<String, String> wanted) throws IOException {
        if (!Files.isDirectory(to)) {
            return List.of();
        }
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> s = Files.list(to)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".java") && !wanted.containsKey(name) && Files.isRegularFile(p)
                        && Files.readString(p, StandardCharsets.UTF_8).startsWith(SkeletonGenerator.HEADER_PREFIX)) {
                    orphans.add(name);
                }
            }
        }
        return orphans;
    }

    /** Writes to a temporary file next to {@code target}, then renames it: readers never see half a file. */
    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
