package racecourse.grader.harness;

import racecourse.results.Verdict;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a test of an exercise checks, as the exercise's statement promises it: the statement's rules
 * ({@code R1}, {@code R2}, ... in its "Rules" section), the verdicts the test can give, and its time
 * bound. The statement's table "What the grader checks" lists the same for every test, public and
 * hidden; {@code StatementTablesTest} holds the two to each other, so a student can tell from the
 * statement what will be checked and no test checks a rule the statement does not state.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checks {
    /** The statement's rule ids this test checks, e.g. {@code "R2"}. */
    String[] rules();

    /** Every verdict this test can give when it fails. */
    Verdict[] verdicts();

    /** The test's time bound as the statement's table words it, e.g. {@code "20 rounds, 4 s each"}. */
    String bound();
}
