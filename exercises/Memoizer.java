// Generated from solutions/src/main/java/exercises/Memoizer.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/Memoizer.md.

package exercises;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * A thread-safe cache of a function's results: each key is computed at most once, even when many
 * threads ask for it at once (they wait for the one computation), while different keys compute in
 * parallel.
 *
 * <p>CS:APP 12.7.1 (thread-safe functions); the design is Goetz et al., <i>Java Concurrency in
 * Practice</i>, 5.6.
 *
 * @param <K> the type of the keys (not null)
 * @param <V> the type of the values
 */
public final class Memoizer<K, V> {
    private final Function<? super K, ? extends V> compute;
    // TODO

    /**
     * A memoizer of {@code compute}.
     *
     * @throws NullPointerException if {@code compute} is null
     */
    public Memoizer(Function<? super K, ? extends V> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    /**
     * {@code compute.apply(key)}, computed at most once per key (unless it threw).
     *
     * @throws NullPointerException if {@code key} is null
     * @throws RuntimeException whatever {@code compute} threw, as is, to every caller that was
     *     waiting for that computation; the key is then forgotten, so a later call computes again
     * @throws InterruptedException if interrupted while waiting for another thread's computation
     */
    public V get(K key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
}
