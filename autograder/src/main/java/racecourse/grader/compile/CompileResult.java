package racecourse.grader.compile;

import java.nio.file.Path;

/** The compiled classes of one exercise, or why there are none (one paragraph for the student). */
public record CompileResult(Path classes, String error) {
    public boolean ok() {
        return error == null;
    }
}
