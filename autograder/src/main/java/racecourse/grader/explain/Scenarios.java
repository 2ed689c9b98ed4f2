package racecourse.grader.explain;

import java.util.Map;

/**
 * The exercises Lincheck can explain, each with its scenario (a small concurrent use of the
 * exercise's class, run by the explain child under Lincheck's model checker) and what the scenario
 * does, told to the student above the trace.
 */
public final class Scenarios {
    /**
     * One exercise's scenario: the class the child runs, the name it gives the exercise's object (the
     * receiver of the calls the trace keeps) and the story of its threads.
     */
    public record Scenario(String className, String receiver, String story) {
    }

    private static final String PACKAGE = "racecourse.grader.explain.scenarios.";

    private static final Map<String, Scenario> BY_EXERCISE = Map.of(
            "SafeCounter", new Scenario(PACKAGE + "SafeCounterScenario", "counter",
                    "Thread 1 and Thread 2 each call increment() once on a new counter; then the main thread calls get()."),
            "BoundedBuffer", new Scenario(PACKAGE + "BoundedBufferScenario", "buffer",
                    "Thread 1 calls put(1) and Thread 2 calls put(2) on a new buffer of capacity 2; then the main thread"
                            + " calls take() twice."),
            "CountingSemaphore", new Scenario(PACKAGE + "CountingSemaphoreScenario", "semaphore",
                    "Thread 1 and Thread 2 each call acquire(), hold the permit for a moment, then release(), on a"
                            + " semaphore with 0 permits; the main thread calls release() once."),
            "Memoizer", new Scenario(PACKAGE + "MemoizerScenario", "memoizer",
                    "Thread 1 and Thread 2 each call get(\"k\") on a new memoizer whose function counts its calls."),
            "FairReadWriteLock", new Scenario(PACKAGE + "FairReadWriteLockScenario", "lock",
                    "Thread 1 calls lockRead() then unlockRead() while Thread 2 calls lockWrite() then unlockWrite(), on a new lock."),
            "DiningTable", new Scenario(PACKAGE + "DiningTableScenario", "table",
                    "At a table of 2 seats (both forks shared), Thread 1 calls dine(0, eat) and Thread 2 calls dine(1, eat)."),
            "LockFreeStack", new Scenario(PACKAGE + "LockFreeStackScenario", "stack",
                    "Thread 1 calls push(1) and Thread 2 calls push(2) on a new stack; then the main thread calls pop() three times."));

    private Scenarios() {
    }

    /** The scenario of {@code exercise}, or null if Lincheck cannot explain it. */
    public static Scenario of(String exercise) {
        return BY_EXERCISE.get(exercise);
    }
}
