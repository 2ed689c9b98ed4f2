package racecourse.grader.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What a child JVM runs: {@code jvmOptions} before the class path, {@code classPathFirst} in front of
 * the grader's own class path (minus the reference solutions, see {@link ChildClassPath}),
 * {@code mainClass}, and its arguments, given the result file it must write its token-carrying lines to.
 */
public record ChildCommand(List<String> jvmOptions, List<Path> classPathFirst, String mainClass,
                           Function<Path, List<String>> arguments) {
}
