package racecourse.server.queue;

import racecourse.results.Grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** How a worker grades a stored submission: in production the grader ({@link GraderGrading}). */
@FunctionalInterface
public interface GradingFunction {
    Grading grade(Path zip, List<String> exercises, long seed) throws IOException, InterruptedException;
}
