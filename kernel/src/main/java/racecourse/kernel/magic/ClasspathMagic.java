package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code %classpath PATH[:PATH...]}: adds folders and jars ({@code lib/*} = every jar in lib). */
final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public String help() {
        return "%classpath PATH[" + File.pathSeparator + "PATH...]  add folders or jars (dir/* = its jars) to the class path";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws Exception {
        if (args.isBlank()) {
            context.cell().write(Cell.Stream.STDOUT, String.join("\n",
                    context.classpath().stream().map(Path::toString).toList()) + "\n");
            return new Outcome.Ok(Optional.empty());
        }
        List<Path> entries = new ArrayList<>();
        for (String raw : args.split(File.pathSeparator)) {
            String item = unquote(raw.strip());
            if (item.isEmpty()) {
                continue;
            }
            if (item.endsWith("/*") || item.endsWith(File.separator + "*")) {
                entries.addAll(jarsIn(Path.of(item.substring(0, item.length() - 2))));
            } else {
                Path p = Path.of(item);
                if (!Files.exists(p)) {
                    throw new MagicUsageException("no such file or folder: " + p.toAbsolutePath());
                }
                entries.add(p);
            }
        }
        for (Path p : entries) {
            context.addToClasspath(p);
        }
        context.cell().write(Cell.Stream.STDOUT, "added to the class path: " + entries.size()
                + (entries.size() == 1 ? " entry" : " entries") + "\n");
        return new Outcome.Ok(Optional.empty());
    }

    /** The jars directly in {@code dir}, sorted by name. */
    static List<Path> jarsIn(Path dir) throws IOException, MagicUsageException {
        if (!Files.isDirectory(dir)) {
            throw new MagicUsageException("no such folder: " + dir.toAbsolutePath());
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(jars::add);
        }
        jars.sort(null);
        return jars;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
