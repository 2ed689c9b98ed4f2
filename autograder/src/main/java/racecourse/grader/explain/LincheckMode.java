package racecourse.grader.explain;

import java.util.Locale;

/**
 * Whether grading runs the Lincheck explain step ({@code --lincheck off|explain}): {@code explain}
 * adds, to a {@code race} or {@code exclusion} failure of an exercise that has a scenario, the
 * interleaving Lincheck's model checker finds; {@code off} never starts Lincheck.
 */
public enum LincheckMode {
    OFF, EXPLAIN;

    /** The mode of a grading that does not say (see autograder/README.md for the measurement behind it). */
    public static final LincheckMode DEFAULT = EXPLAIN;

    /** The mode named {@code value}; an IllegalArgumentException whose message is one line for the user otherwise. */
    public static LincheckMode parse(String value) {
        for (LincheckMode m : values()) {
            if (m.label().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--lincheck must be off or explain, not '" + value + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
