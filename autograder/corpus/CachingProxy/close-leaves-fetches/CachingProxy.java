// expect: resources
// Bug: close() neither closes the connections to the origin nor interrupts or waits for its threads: a fetch waiting on a silent origin, and the clients waiting for it, outlive close().
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
    // BEGIN SOLUTION
    /** A cached response and when it was last used, for the (approximate) LRU eviction. */
    private static final class Entry {
        final String response;
        volatile long used;

        Entry(String response, long used) {
            this.response = response;
            this.used = used;
        }
    }

    private final int originPort;
    private final int maxEntries;
    private final ServerSocket server;
    // A permit per client being served: the acceptor takes one before it accepts, the client's
    // thread gives it back when the client leaves, so at most maxClients are served at once.
    private final Semaphore slots;
    // The cache: many readers (hits) at once, one writer (a store, with its eviction) alone.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> cache = new HashMap<>();
    private final AtomicLong clock = new AtomicLong();
    // The fetches in progress, by key: a second client that misses the same key waits for the
    // first one's fetch instead of starting its own.
    private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
    // What close() must close or wait for.
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;
    // END SOLUTION

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
        // BEGIN SOLUTION (throw)
        this.originPort = originPort;
        this.maxEntries = maxEntries;
        this.slots = new Semaphore(maxClients);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().name("proxy-acceptor").daemon().start(this::accept);
        // END SOLUTION
    }

    /** The port the proxy listens on. */
    public int port() {
        // BEGIN SOLUTION (throw)
        return server.getLocalPort();
        // END SOLUTION
    }

    /**
     * Stops accepting, closes every client connection and every connection to the origin, and
     * returns once every thread of the proxy has ended. Calling it again does nothing. An interrupt
     * does not cut it short: it is kept for the caller.
     */
    @Override
    public void close() throws IOException {
        // BEGIN SOLUTION (throw)
        if (closed) {
            return;
        }
        closed = true;
        server.close();              // accept() in the acceptor throws
        acceptor.interrupt();        // ... or it waits for a slot: that throws too
        boolean interrupted = joinUninterruptibly(acceptor);
        // No client thread can be started any more. Closing the sockets wakes those blocked reading
        // a client or the origin; the interrupt wakes those waiting for another client's fetch. A
        // socket opened after this loop is closed by its opener, which checks `closed` after
        // registering it (see open()).
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
    }
    // BEGIN SOLUTION

    private void accept() {
        while (!closed) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;              // close()
            }
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                slots.release();
                if (closed) {
                    return;
                }
                continue;            // a failed accept must not stop the proxy
            }
            Thread worker = Thread.ofVirtual().name("proxy-client").unstarted(() -> {
                try {
                    serve(client);
                } finally {
                    slots.release();
                    workers.remove(Thread.currentThread());
                }
            });
            workers.add(worker);     // before it starts (and can end), so close() sees it
            worker.start();
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (!register(client)) {
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8));
            String request;
            while ((request = in.readLine()) != null) {
                String response = get(request);
                out.write(response);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the client left, or close() closed its socket
        } catch (InterruptedException e) {
            // close() interrupted us while we waited for another client's fetch
        } finally {
            sockets.remove(client);
        }
    }

    /** The response to {@code request}: cached, or fetched once however many clients ask at once. */
    private String get(String request) throws InterruptedException {
        String hit = lookup(request);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> other = inFlight.putIfAbsent(request, mine);
        if (other != null) {
            return await(other);                 // someone is fetching it: wait for that fetch
        }
        String response = null;
        try {
            // Between our lookup and putIfAbsent another fetch of this key may have finished:
            // it stored the response before it left inFlight, so it is in the cache now.
            response = lookup(request);
            if (response == null) {
                try {
                    response = fetch(request);
                    store(request, response);
                } catch (IOException e) {
                    response = "ERROR origin: " + e.getMessage();   // not cached: the next request retries
                }
            }
            return response;
        } finally {
            // Stored before it leaves inFlight (see above); the waiters get the same line, an
            // ERROR one too, and are never left waiting, whatever went wrong here.
            inFlight.remove(request, mine);
            mine.complete(response != null ? response : "ERROR proxy failed");
        }
    }

    private static String await(CompletableFuture<String> fetch) throws InterruptedException {
        try {
            return fetch.get();
        } catch (ExecutionException e) {
            return "ERROR proxy: " + e.getCause();
        }
    }

    private String lookup(String request) {
        lock.readLock().lock();
        try {
            Entry e = cache.get(request);
            if (e == null) {
                return null;
            }
            e.used = clock.incrementAndGet();    // a volatile write: readers need no write lock
            return e.response;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void store(String request, String response) {
        lock.writeLock().lock();
        try {
            if (!cache.containsKey(request) && cache.size() >= maxEntries) {
                // Evict the least recently used entry: a scan, fine for the small caches here (a
                // large one would keep an ordered structure, at the price of a write per hit).
                String eldest = null;
                long oldest = Long.MAX_VALUE;
                for (Map.Entry<String, Entry> e : cache.entrySet()) {
                    if (e.getValue().used < oldest) {
                        oldest = e.getValue().used;
                        eldest = e.getKey();
                    }
                }
                cache.remove(eldest);
            }
            cache.put(request, new Entry(response, clock.incrementAndGet()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One request to the origin, on a connection of its own. */
    private String fetch(String request) throws IOException {
        Socket origin = new Socket();
        try (origin) {
            origin.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), originPort), 5000);
            Writer out = new OutputStreamWriter(origin.getOutputStream(), StandardCharsets.UTF_8);
            out.write(request);
            out.write('\n');
            out.flush();
            String response = new BufferedReader(new InputStreamReader(origin.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (response == null) {
                throw new IOException("the origin closed the connection without a response");
            }
            return response;
        } finally {
            sockets.remove(origin);
        }
    }

    /** Records a socket for close(); false (and closed) if close() has begun. */
    private boolean register(Socket s) {
        sockets.add(s);
        if (closed) {                            // close() may have run its loop before our add
            closeQuietly(s);
            return false;
        }
        return true;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing more to do for it
        }
    }

    private static boolean joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
    // END SOLUTION
}
