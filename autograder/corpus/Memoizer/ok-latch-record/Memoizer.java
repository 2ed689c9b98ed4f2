// expect: pass
// Style: records and a CountDownLatch per key; computeIfAbsent only inserts a cheap placeholder, never runs compute inside.
package exercises;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

public final class Memoizer<K, V> {
    private sealed interface Outcome<V> permits Value, Failure {}
    private record Value<V>(V value) implements Outcome<V> {}
    private record Failure<V>(RuntimeException exception) implements Outcome<V> {}

    private static final class Pending<V> {
        final CountDownLatch done = new CountDownLatch(1);
        volatile Outcome<V> outcome;
    }

    private final Function<? super K, ? extends V> compute;
    private final ConcurrentHashMap<K, Pending<V>> pending = new ConcurrentHashMap<>();

    public Memoizer(Function<? super K, ? extends V> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public V get(K key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        Pending<V> fresh = new Pending<>();
        Pending<V> p = pending.computeIfAbsent(key, k -> fresh);
        if (p == fresh) {
            try {
                p.outcome = new Value<>(compute.apply(key));
            } catch (RuntimeException e) {
                pending.remove(key, p);
                p.outcome = new Failure<>(e);
            } finally {
                if (p.outcome == null) { // an Error: forget the key, wake the waiters with it
                    pending.remove(key, p);
                    p.outcome = new Failure<>(new IllegalStateException("compute failed for " + key));
                }
                p.done.countDown();
            }
        } else {
            p.done.await();
        }
        return switch (p.outcome) {
            case Value<V> v -> v.value();
            case Failure<V> f -> throw f.exception();
        };
    }
}
