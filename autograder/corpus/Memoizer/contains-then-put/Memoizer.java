// expect: race
// Bug: a ConcurrentHashMap used as containsKey then put: two threads that both miss both compute.
package exercises;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

public final class Memoizer<K, V> {
    private final Function<? super K, ? extends V> compute;
    private final ConcurrentHashMap<K, V> cache = new ConcurrentHashMap<>();

    public Memoizer(Function<? super K, ? extends V> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public V get(K key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        if (!cache.containsKey(key)) {
            cache.put(key, compute.apply(key));
        }
        return cache.get(key);
    }
}
