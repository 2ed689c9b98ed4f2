/**
 * Lincheck scenarios: small concurrent uses of an exercise's class, run by the explain child under
 * Lincheck's model checker, which looks for the interleaving that makes one throw
 * {@link racecourse.grader.explain.scenarios.BrokenInvariant}. Loaded child-first next to the
 * submission (like the suites), so they link against the submission's classes.
 *
 * <p>Each worker is a {@code Thread} subclass that holds the shared object in its own field, never a
 * lambda or Runnable handed to {@code new Thread(...)}: on JDK 19+ a Thread keeps its Runnable in an
 * internal holder that Lincheck 3.7's escape analysis does not follow, so it would take the shared
 * object for thread-local and never switch threads at its accesses (a lost update on a plain
 * {@code count++} then goes unfound; measured on JDK 25).
 */
package racecourse.grader.explain.scenarios;
