package racecourse.grader.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What a child JVM runs: {@code jvmOptions} before the class path, {@code classPathFirst} in front of
 * the grader's own class path (minus the reference solutions, see {@link ChildClassPath}),
 * {@code mainClass}, and its arguments, given the result file it must write its token-carrying lines to;
 * {@code reads}: files or folders its arguments name that it reads (the sandbox lets it read them, and,
 * beyond what the java command names, nothing else).
 */
public record ChildCommand(List<String> jvmOptions, List<Path> classPathFirst, String mainClass,
                           Function<Path, List<String>> arguments, List<Path> reads) {
    /** A child that reads no file its arguments name. */
    public ChildCommand(List<String> jvmOptions, List<Path> classPathFirst, String mainClass,
                        Function<Path, List<String>> arguments) {
        this(jvmOptions, classPathFirst, mainClass, arguments, List.of());
    }
}
