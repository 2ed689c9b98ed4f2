// Generated from solutions/src/main/java/exercises/CachingProxy.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/CachingProxy.md.

package exercises;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A caching proxy for a line protocol: clients send requests, one per line; the proxy answers each
 * with one line, the origin server's response, from its cache when it has it.
 *
 * <p>The capstone of the course, in the spirit of CS:APP's proxy lab: a concurrent server (one
 * virtual thread per client, at most {@code maxClients} at once), a cache shared by all of them
 * under a readers-writers lock with a bound on its size, and one fetch per key however many
 * clients miss it at once (the Memoizer of notebook 05, with a network call as the computation).
 */
public final class CachingProxy implements AutoCloseable {
    // TODO

    /**
     * Binds 127.0.0.1 on a free port and serves clients, fetching what it has not cached from the
     * origin server at 127.0.0.1:{@code originPort}. Connections are accepted once this returns.
     *
     * @throws IllegalArgumentException if {@code originPort} is not in 1..65535, or
     *                                  {@code maxEntries} or {@code maxClients} is less than 1
     * @throws IOException if no port can be bound
     */
    public CachingProxy(int originPort, int maxEntries, int maxClients) throws IOException {
        if (originPort < 1 || originPort > 65535) {
            throw new IllegalArgumentException("originPort must be in 1..65535, got " + originPort);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, got " + maxClients);
        }
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** The port the proxy listens on. */
    public int port() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Stops accepting, closes every client connection and every connection to the origin, and
     * returns once every thread of the proxy has ended. Calling it again does nothing. An interrupt
     * does not cut it short: it is kept for the caller.
     */
    @Override
    public void close() throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
    // TODO
}
