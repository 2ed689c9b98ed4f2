package racecourse.grader.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files a {@code java} command reads, read from the command itself so that an option added
 * later is covered where it is added: the JDK the binary belongs to (and the files its symbolic
 * links point to outside it, e.g. Debian's {@code /etc/java-17-openjdk} or {@code cacerts}), every
 * class-path and module-path entry (and the jars their manifests' {@code Class-Path} names), and the
 * files named by {@code -javaagent:}, {@code -agentpath:}, {@code -Xbootclasspath/a:},
 * {@code -XX:AOTCache=}, {@code -XX:AOTConfiguration=} and {@code -XX:SharedArchiveFile=}.
 * Paths are absolute and normalized; some may not exist (a class path may name a missing entry).
 */
public final class ChildFiles {
    /** Options whose value is the next argument. */
    private static final Set<String> SEPARATE_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads", "--add-exports", "--add-opens",
            "--patch-module", "--enable-native-access");
    /** Of those, the ones that hold paths, separated by {@link File#pathSeparator}. */
    private static final Set<String> PATH_LISTS = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path");
    /** {@code -XX:} options naming files the JVM reads (colon-separated for SharedArchiveFile). */
    private static final List<String> XX_FILES = List.of("-XX:AOTCache=", "-XX:AOTConfiguration=", "-XX:SharedArchiveFile=");

    private static final Map<Path, List<Path>> JDK_LINKS = new ConcurrentHashMap<>();
    private static final Map<Path, List<Path>> MANIFEST_CLASS_PATH = new ConcurrentHashMap<>();

    private ChildFiles() {
    }

    /** The files {@code command} ({@code java} first, then its options, main class and arguments) reads. */
    public static List<Path> of(List<String> command) {
        Set<Path> files = new LinkedHashSet<>();
        Path binary = absolute(command.get(0));
        Path jdk = jdkOf(binary);
        files.add(jdk);
        files.addAll(JDK_LINKS.computeIfAbsent(jdk, ChildFiles::linksOutside));
        for (int i = 1; i < command.size(); i++) {
            String a = command.get(i);
            if (SEPARATE_VALUE.contains(a) && i + 1 < command.size()) {
                String value = command.get(++i);
                if (PATH_LISTS.contains(a)) {
                    pathList(value).forEach(p -> addEntry(files, p));
                }
            } else if (a.startsWith("--class-path=") || a.startsWith("--module-path=")) {
                pathList(a.substring(a.indexOf('=') + 1)).forEach(p -> addEntry(files, p));
            } else if (a.startsWith("-javaagent:") || a.startsWith("-agentpath:")) {
                String v = a.substring(a.indexOf(':') + 1);
                files.add(absolute(v.contains("=") ? v.substring(0, v.indexOf('=')) : v));
            } else if (a.startsWith("-Xbootclasspath/a:")) {
                pathList(a.substring("-Xbootclasspath/a:".length())).forEach(p -> addEntry(files, p));
            } else if (XX_FILES.stream().anyMatch(a::startsWith)) {
                pathList(a.substring(a.indexOf('=') + 1)).forEach(files::add);
            } else if (a.equals("-jar") && i + 1 < command.size()) {
                addEntry(files, absolute(command.get(i + 1)));
                break;
            } else if (!a.startsWith("-")) {
                break; // the main class: the rest are the program's arguments
            }
        }
        return List.copyOf(files);
    }

    /** The JDK {@code binary} belongs to: the folder above its {@code bin}, after following links. */
    static Path jdkOf(Path binary) {
        Path real;
        try {
            real = binary.toRealPath();
        } catch (IOException e) {
            real = binary;
        }
        Path bin = real.getParent();
        return bin != null && bin.getFileName() != null && bin.getFileName().toString().equals("bin") && bin.getParent() != null
                ? bin.getParent() : real;
    }

    private static void addEntry(Set<Path> files, Path entry) {
        if (entry.getFileName() != null && entry.getFileName().toString().equals("*")) {
            files.add(entry.getParent()); // a wildcard entry: every jar in the folder
            return;
        }
        files.add(entry);
        if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
            files.addAll(MANIFEST_CLASS_PATH.computeIfAbsent(entry, ChildFiles::manifestClassPath));
        }
    }

    private static List<Path> pathList(String value) {
        return Stream.of(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(ChildFiles::absolute).toList();
    }

    private static Path absolute(String p) {
        return Path.of(p).toAbsolutePath().normalize();
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            var manifest = j.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp == null) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String e : cp.trim().split("\\s+")) {
                try {
                    Path p = e.startsWith("file:") ? Path.of(java.net.URI.create(e)) : jar.getParent().resolve(e);
                    out.add(p.toAbsolutePath().normalize());
                } catch (RuntimeException bad) {
                    // an entry the JVM would skip too
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Targets of the symbolic links inside {@code jdk} that point outside it (the JVM reads through them). */
    private static List<Path> linksOutside(Path jdk) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(jdk, 8)) {
            walk.filter(Files::isSymbolicLink).forEach(link -> {
                try {
                    // The link's own target: bound there, it reads as the file the chain ends at.
                    Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
                    if (!target.startsWith(jdk) && Files.exists(target)) {
                        out.add(target);
                    }
                } catch (IOException e) {
                    // a dangling link: nothing to allow
                }
            });
        } catch (IOException e) {
            // an unreadable JDK folder: the child will say so when it starts
        }
        return List.copyOf(out);
    }
}
