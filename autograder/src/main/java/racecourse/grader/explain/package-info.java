/**
 * The Lincheck explain step ({@code grade --lincheck explain}): after the stress tests give a
 * {@code race} or {@code exclusion} verdict to an exercise that has a scenario ({@link
 * racecourse.grader.explain.Scenarios}), {@link racecourse.grader.explain.Explainer} runs that
 * scenario under Lincheck's model checker in a child JVM ({@link
 * racecourse.grader.explain.child.ExplainMain}) and adds the failing interleaving it finds,
 * shortened by {@link racecourse.grader.explain.TraceShortener}, to those failures' output. It only
 * explains: verdicts and scores are the stress tests'.
 */
package racecourse.grader.explain;
