package racecourse.grader.model;

import java.util.Objects;

/**
 * What a child JVM tells the grader, one event per line of its result file (see
 * {@link ChildEvents}, the one codec both sides use). Verdicts travel as their labels
 * ({@code race}, {@code hang}, ...) so that this package depends on nothing else of the grader.
 */
public sealed interface ChildEvent {
    /** A test began (the last one begun is the one running if the child dies). */
    record Started(String test) implements ChildEvent {
        public Started {
            Objects.requireNonNull(test, "test");
        }
    }

    /** A test passed. */
    record Passed(String test, long millis) implements ChildEvent {
        public Passed {
            Objects.requireNonNull(test, "test");
        }
    }

    /** A test failed with exactly one verdict and the explanation a student reads. */
    record Failed(String test, String verdict, String message, long millis) implements ChildEvent {
        public Failed {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The child stops at once (a cap hit) during {@code test} ("" when between tests). */
    record Fatal(String verdict, String message, String test) implements ChildEvent {
        public Fatal {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(test, "test");
        }
    }

    /** A test class could not run at all (its set-up or class initialisation failed). */
    record ContainerFailed(String container, String verdict, String message) implements ChildEvent {
        public ContainerFailed {
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Every selected test ran; the child ends next. */
    record Done() implements ChildEvent {
    }

    /** The Lincheck explain child found a failing interleaving: Lincheck's report of it. */
    record LincheckTrace(String report, long millis) implements ChildEvent {
        public LincheckTrace {
            Objects.requireNonNull(report, "report");
        }
    }

    /** The Lincheck explain child tried its interleavings and none failed. */
    record LincheckNoFailure(long millis) implements ChildEvent {
    }

    /** The Lincheck explain child could not run its scenario. */
    record LincheckError(String message, long millis) implements ChildEvent {
        public LincheckError {
            Objects.requireNonNull(message, "message");
        }
    }
}
