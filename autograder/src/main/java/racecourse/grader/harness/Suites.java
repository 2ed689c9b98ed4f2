package racecourse.grader.harness;

import java.util.List;

/**
 * Where an exercise's tests are: the public suite (shipped to students in exercises/tests/) and the
 * hidden one (module autograder-hidden, instructor side only). A hidden suite runs only when its
 * class is on the grader's class path: in the student edition it is not, and the grading says so.
 */
public final class Suites {
    private Suites() {
    }

    public static String publicSuite(String exercise) {
        return "exercises.tests." + exercise + "PublicTest";
    }

    public static String hiddenSuite(String exercise) {
        return HIDDEN_PACKAGE + "." + exercise + "HiddenTest";
    }

    public static List<String> of(String exercise) {
        return List.of(publicSuite(exercise), hiddenSuite(exercise));
    }

    public static boolean isHidden(String suiteClassName) {
        return suiteClassName.startsWith(HIDDEN_PACKAGE + ".");
    }

    /** The hidden suites' package: instructor side, in its own module and jar. */
    public static final String HIDDEN_PACKAGE = "racecourse.instructor.suites";

    /** The note of a grading that ran without the hidden suites (the student edition). */
    public static final String PUBLIC_ONLY = "Public tests only: this copy of the course has no hidden tests;"
            + " the hidden tests run when your work is submitted, and they decide the grade.";

    /** Whether {@code exercise}'s hidden suite is on the class path of {@code loader}. */
    public static boolean hiddenAvailable(String exercise, ClassLoader loader) {
        return loader.getResource(hiddenSuite(exercise).replace('.', '/') + ".class") != null;
    }
}
