package racecourse.results;

/** Why a test failed: exactly one per failing test, as the tag {@code verdict:<name>}. */
public enum Verdict {
    /** Did not compile, or does not match the exercise's API. */
    COMPILE,
    /** Wrong even without concurrency. */
    FUNCTIONAL,
    /** Wrong result only under concurrency: lost update, lost or duplicated item, broken invariant. */
    RACE,
    /** Two threads inside a region that must be exclusive. */
    EXCLUSION,
    /** A cycle of threads waiting for each other's locks. */
    DEADLOCK,
    /** No progress without a lock cycle. */
    HANG,
    /** A thread never gets its turn while others proceed. */
    STARVATION,
    /** Right results but required parallelism missing. */
    SERIALIZED,
    /** Threads, processes or sockets left behind, or unbounded. */
    RESOURCES;

    public String tag() {
        return "verdict:" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
