package racecourse.kernel.magic;

import racecourse.kernel.Interpreter.Outcome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code %load FILE}: runs a {@code .jsh} script (or snippets in a {@code .java} file) as cell code;
 * a {@code .java} file with a {@code package} line is compiled like {@code %%javac}.
 */
final class LoadMagic implements Magic {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");
    private static final long MAX_BYTES = 4 << 20;

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String help() {
        return "%load FILE               run FILE.jsh, or compile FILE.java (with a package line, like %%javac)";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws Exception {
        if (args.isBlank()) {
            throw new MagicUsageException("which file?");
        }
        Path file = Path.of(args.strip());
        if (!Files.isRegularFile(file)) {
            throw new MagicUsageException("no such file: " + file.toAbsolutePath());
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new MagicUsageException(file + " is larger than " + (MAX_BYTES >> 20) + " MB; is it source code?");
        }
        String source = Files.readString(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".java") && PACKAGE.matcher(source).find()) {
            return JavacMagic.compile(source, file.getFileName() + " line ", 1, context);
        }
        return context.eval(source, 1);
    }
}
