package racecourse.kernel;

import racecourse.kernel.exit.ExitRewriter;
import racecourse.kernel.output.TaskRewriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The changes every class of cell code gets, snippet or %%javac: exits trapped
 * ({@link ExitRewriter}) and executor tasks tied to their cell ({@link TaskRewriter}).
 */
public final class CellBytecode {
    private CellBytecode() {
    }

    public static byte[] rewrite(byte[] classFile) {
        return TaskRewriter.rewrite(ExitRewriter.rewrite(classFile));
    }

    /** Rewrites every class file under {@code folder} in place. */
    public static void rewriteFolder(Path folder) throws IOException {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(folder)) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path c : classes) {
            byte[] before = Files.readAllBytes(c);
            byte[] after = rewrite(before);
            if (after != before) {
                Files.write(c, after);
            }
        }
    }
}
