package racecourse.grader.harness;

import java.util.List;

/** Where an exercise's tests are: the public suite (shipped in exercises/tests/) and the hidden one. */
public final class Suites {
    private Suites() {
    }

    public static String publicSuite(String exercise) {
        return "exercises.tests." + exercise + "PublicTest";
    }

    public static String hiddenSuite(String exercise) {
        return "racecourse.grader.suites." + exercise + "HiddenTest";
    }

    public static List<String> of(String exercise) {
        return List.of(publicSuite(exercise), hiddenSuite(exercise));
    }

    public static boolean isHidden(String suiteClassName) {
        return suiteClassName.startsWith("racecourse.grader.suites.");
    }
}
