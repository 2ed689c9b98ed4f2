package racecourse.grader.explain;

import racecourse.results.Explanation;

import com.google.gson.GsonBuilder;
import racecourse.grader.Grader;
import racecourse.grader.compile.CompileResult;
import racecourse.grader.compile.ExerciseCompiler;
import racecourse.grader.run.Limits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the explain step on one exercise file whatever its verdicts would be, for
 * bench/lincheck_value.py (which also needs it on the reference solutions, which never fail):
 * {@code java -cp ... racecourse.grader.explain.ExplainProbe EXERCISE FILE.java [WALL_SECONDS]} prints
 * one JSON object with the outcome, the seconds the step took and the text it would add.
 * WALL_SECONDS (default {@link Explainer#WALL}) bounds the Lincheck child, for bench/judge_eval.py.
 */
public final class ExplainProbe {
    private ExplainProbe() {
    }

    public static void main(String[] args) throws Exception {
        String exercise = args[0];
        Duration wall = args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2])) : Explainer.WALL;
        Path work = Files.createTempDirectory("racecourse-explain-");
        CompileResult compiled = ExerciseCompiler.compile(exercise, Files.readString(Path.of(args[1])), work.resolve("classes"));
        if (compiled.error() != null) {
            System.err.println("explain probe: " + compiled.error());
            System.exit(2);
        }
        String home = System.getProperty("racecourse.home");
        Explanation e = Explainer.explain(exercise, compiled.classes(), work.resolve("run"), Limits.defaults(),
                Grader.hidden(home == null ? null : Path.of(home).toAbsolutePath()), wall);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exercise", exercise);
        out.put("outcome", e.outcome().label());
        out.put("seconds", e.seconds());
        out.put("text", e.text());
        System.out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(out));
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.exit(0);
    }
}
