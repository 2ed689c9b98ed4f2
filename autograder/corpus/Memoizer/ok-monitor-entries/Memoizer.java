// expect: pass
// Style: intrinsic monitors only: a synchronized HashMap for lookups (never held while computing) and wait/notifyAll on each entry.
package exercises;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

public final class Memoizer<K, V> {
    /** One computation: in progress until done; then value or failure. */
    private static final class Entry<V> {
        boolean done;
        V value;
        RuntimeException failure;
        Error error;
    }

    private final Function<? super K, ? extends V> compute;
    private final Map<K, Entry<V>> entries = new HashMap<>();

    public Memoizer(Function<? super K, ? extends V> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public V get(K key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        Entry<V> entry;
        boolean mine = false;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry == null) {
                entry = new Entry<>();
                entries.put(key, entry);
                mine = true;
            }
        }
        if (mine) {
            return computeAndPublish(key, entry);
        }
        synchronized (entry) {
            while (!entry.done) {
                entry.wait();
            }
            if (entry.failure != null) {
                throw entry.failure;
            }
            if (entry.error != null) {
                throw entry.error;
            }
            return entry.value;
        }
    }

    private V computeAndPublish(K key, Entry<V> entry) {
        V value = null;
        RuntimeException failure = null;
        Error error = null;
        try {
            value = compute.apply(key);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            error = e;
        }
        if (failure != null || error != null) {
            synchronized (entries) {
                entries.remove(key, entry); // forgotten: a later get computes again
            }
        }
        synchronized (entry) {
            entry.value = value;
            entry.failure = failure;
            entry.error = error;
            entry.done = true;
            entry.notifyAll();
        }
        if (failure != null) {
            throw failure;
        }
        if (error != null) {
            throw error;
        }
        return value;
    }
}
