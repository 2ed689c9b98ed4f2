// expect: pass
// Style: no lock at all: a ConcurrentHashMap of CompletableFutures (computeIfAbsent decides who fetches; the future is both the in-flight fetch and the cache entry), FIFO eviction from a ConcurrentLinkedQueue; a virtual-thread-per-task executor behind a Semaphore the acceptor takes before accept().
package exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public final class CachingProxy implements AutoCloseable {
    private final int originPort;
    private final int maxEntries;
    private final ServerSocket server;
    private final Semaphore permits;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<String, CompletableFuture<String>> entries = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger stored = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public CachingProxy(int originPort, int maxEntries, int maxClients) throws IOException {
        if (originPort <= 0 || originPort > 65535) {
            throw new IllegalArgumentException("originPort " + originPort);
        }
        if (maxEntries <= 0 || maxClients <= 0) {
            throw new IllegalArgumentException("maxEntries and maxClients must be positive");
        }
        this.originPort = originPort;
        this.maxEntries = maxEntries;
        this.permits = new Semaphore(maxClients);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().name("acceptor").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (!closed) {
                permits.acquire();
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    permits.release();
                    continue;
                }
                clients.execute(() -> {
                    try {
                        serve(s);
                    } finally {
                        permits.release();
                    }
                });
            }
        } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void track(Socket s) throws IOException {
        open.add(s);
        if (closed) {
            s.close();
            throw new IOException("closing");
        }
    }

    private void serve(Socket s) {
        try (s) {
            track(s);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            for (String key = in.readLine(); key != null; key = in.readLine()) {
                out.write((lookup(key) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // gone, or closing
        } finally {
            open.remove(s);
        }
    }

    private String lookup(String key) throws InterruptedException {
        CompletableFuture<String> created = new CompletableFuture<>();
        CompletableFuture<String> f = entries.computeIfAbsent(key, k -> created);
        if (f == created) {
            try {
                String r = fetch(key);
                f.complete(r);
                order.add(key);
                if (stored.incrementAndGet() > maxEntries) {
                    String victim = order.poll();
                    if (victim != null) {
                        stored.decrementAndGet();
                        entries.remove(victim);
                    }
                }
            } catch (IOException | RuntimeException e) {
                entries.remove(key, f);
                f.complete("ERROR " + e.getMessage());
            }
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            return "ERROR " + e.getCause();
        }
    }

    private String fetch(String key) throws IOException {
        try (Socket o = new Socket()) {
            track(o);
            try {
                o.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), originPort), 5000);
                o.getOutputStream().write((key + "\n").getBytes(StandardCharsets.UTF_8));
                String r = new BufferedReader(new InputStreamReader(o.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (r == null) {
                    throw new IOException("origin closed early");
                }
                return r;
            } finally {
                open.remove(o);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        acceptor.interrupt();
        boolean interrupted = false;
        for (;;) {
            try {
                acceptor.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
        clients.shutdownNow();
        for (;;) {
            try {
                if (clients.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
