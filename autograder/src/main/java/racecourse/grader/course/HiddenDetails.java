package racecourse.grader.course;

import java.util.Arrays;
import java.util.Locale;

/** When a student may read the failure messages of hidden tests (their verdicts always show). */
public enum HiddenDetails {
    NEVER("never"),
    AFTER_DEADLINE("after-deadline");

    private final String label;

    HiddenDetails(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value for a label, or empty. */
    public static java.util.Optional<HiddenDetails> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.label.equals(s.toLowerCase(Locale.ROOT))).findFirst();
    }
}
