package racecourse.grader.explain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The explain child's {@code -javaagent:} jar: a manifest only, naming
 * {@link racecourse.grader.explain.child.LincheckAgent} (found on the child's class path) and allowing
 * the retransformation Lincheck does. Written into the grading's work folder, so the grader needs no
 * jar of its own for it.
 */
final class AgentJar {
    private AgentJar() {
    }

    static Path write(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Premain-Class", "racecourse.grader.explain.child.LincheckAgent");
        a.putValue("Can-Retransform-Classes", "true");
        a.putValue("Can-Redefine-Classes", "true");
        Path jar = dir.resolve("lincheck-agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }
}
