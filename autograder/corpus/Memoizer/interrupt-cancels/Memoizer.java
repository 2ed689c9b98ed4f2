// expect: functional
// Bug: an interrupted waiter cancels the computation and forgets the key, so its computing caller fails too.
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
    // BEGIN SOLUTION
    // The map holds a Future per key rather than the value: the first thread to ask installs the
    // future and runs it, and every later asker finds the future and waits for it instead of
    // starting a second computation. A plain map of values would let two threads both miss and
    // both compute; a lock around the whole computation would serialize different keys.
    private final ConcurrentMap<K, Future<V>> cache = new ConcurrentHashMap<>();
    // END SOLUTION

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
        // BEGIN SOLUTION (throw)
        Future<V> future = cache.get(key);
        if (future == null) {
            FutureTask<V> task = new FutureTask<>(() -> compute.apply(key));
            // putIfAbsent is atomic: of all the threads racing here, exactly one installs its task.
            // (Not computeIfAbsent with the computation inside: that would run compute while
            // holding a lock of the map, blocking other keys and deadlocking if compute itself
            // calls get.)
            future = cache.putIfAbsent(key, task);
            if (future == null) {
                future = task;
                task.run();          // we won: compute in this thread, outside any lock
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            cache.remove(key, future);
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            // Forget the failure so a later get computes again; remove(key, future) and not
            // remove(key), in case another thread has already installed a fresh attempt.
            cache.remove(key, future);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;             // rethrown as is, to every waiter
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause); // unreachable: a Function throws no checked exception
        }
        // END SOLUTION
    }
}
