// expect: pass
// Style: ConcurrentHashMap of CompletableFuture; putIfAbsent elects the computing thread; waiters unwrap ExecutionException.
package exercises;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

public final class Memoizer<K, V> {
    private final Function<? super K, ? extends V> compute;
    private final ConcurrentHashMap<K, CompletableFuture<V>> cache = new ConcurrentHashMap<>();

    public Memoizer(Function<? super K, ? extends V> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public V get(K key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        CompletableFuture<V> f = cache.get(key);
        if (f == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            f = cache.putIfAbsent(key, mine);
            if (f == null) {
                return computeInto(key, mine);
            }
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private V computeInto(K key, CompletableFuture<V> mine) {
        V value;
        try {
            value = compute.apply(key);
        } catch (RuntimeException | Error e) {
            cache.remove(key, mine); // forget it before anyone hears of the failure
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(value);
        return value;
    }
}
