package racecourse.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets Shift+Tab show the javadoc of the course's own API ({@code racecourse.viz}, the display
 * helpers) as it does for the JDK's. JShell looks for javadoc only in the JDK's {@code src.zip} and
 * has no public way to add sources, so its source list is set, once, through the one field JShell
 * keeps for that (its tests use it): the JDK's modules as JShell would find them, then the folder
 * {@value #FOLDER} of the kernel jar, which carries the sources of those two packages. If the field ever goes away, javadoc of our
 * API is simply missing again; nothing else changes.
 */
final class CourseSources {
    static final String FOLDER = "racecourse-sources";
    private static boolean installed;

    private CourseSources() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        List<Path> roots = new ArrayList<>(jdkSourceRoots());
        ownJarRoot().ifPresent(roots::add);
        try {
            Class<?> impl = Class.forName("jdk.jshell.SourceCodeAnalysisImpl", false,
                    SourceCodeAnalysis.class.getClassLoader());
            Field override = impl.getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, List.copyOf(roots));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JShell changed: keep its own lookup (JDK javadoc still works).
        }
    }

    /** The module folders of the JDK's src.zip, which is what JShell itself would use. */
    private static List<Path> jdkSourceRoots() {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>();
        try {
            FileSystem fs = FileSystems.newFileSystem(zip, Map.of()); // open for the kernel's lifetime
            Path root = fs.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(zip);
            }
            try (DirectoryStream<Path> modules = Files.newDirectoryStream(root)) {
                for (Path m : modules) {
                    if (Files.isDirectory(m)) {
                        roots.add(m);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return roots;
    }

    /** The sources folder in the jar (or classes folder) holding the kernel. */
    private static java.util.Optional<Path> ownJarRoot() {
        try {
            Path where = Path.of(CourseSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = Files.isDirectory(where) ? where
                    : FileSystems.newFileSystem(where, Map.of()).getRootDirectories().iterator().next();
            Path sources = root.resolve(FOLDER);
            return Files.isDirectory(sources) ? java.util.Optional.of(sources) : java.util.Optional.empty();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
