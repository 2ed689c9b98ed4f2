// expect: pass
// Style: one monitor over an access-ordered LinkedHashMap (true LRU, removeEldestEntry) and a map of pending FutureTasks run by the first client to miss (the Memoizer); a fixed pool of maxClients platform threads fed by an acceptor; shutdownNow and awaitTermination in close().
package exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

public final class CachingProxy implements AutoCloseable {
    private final int originPort;
    private final ServerSocket server;
    private final ExecutorService pool;
    private final Object lock = new Object();
    private final LinkedHashMap<String, String> cache;
    private final Map<String, FutureTask<String>> pending = new HashMap<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public CachingProxy(int originPort, int maxEntries, int maxClients) throws IOException {
        if (originPort < 1 || originPort > 65535 || maxEntries < 1 || maxClients < 1) {
            throw new IllegalArgumentException("bad arguments");
        }
        this.originPort = originPort;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxEntries;
            }
        };
        pool = Executors.newFixedThreadPool(maxClients);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "acceptor");
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                if (!register(s)) {
                    return;
                }
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private boolean register(Socket s) {
        sockets.add(s);
        if (closed) {
            try {
                s.close();
            } catch (IOException e) {
                // closed
            }
            return false;
        }
        return true;
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                out.print(get(line) + "\n");
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // gone, or closing
        } finally {
            sockets.remove(s);
        }
    }

    private String get(String key) throws InterruptedException {
        FutureTask<String> task;
        boolean mine = false;
        synchronized (lock) {
            String hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
            task = pending.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> fetch(key));
                pending.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
            synchronized (lock) {
                pending.remove(key);
                if (!task.isCancelled()) {
                    try {
                        cache.put(key, task.get());
                    } catch (ExecutionException e) {
                        // not cached
                    }
                }
            }
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            return "ERROR " + e.getCause().getMessage();
        }
    }

    private String fetch(String key) throws IOException {
        Socket o = new Socket();
        try (o) {
            if (!register(o)) {
                throw new IOException("closing");
            }
            o.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), originPort), 5000);
            Writer w = new OutputStreamWriter(o.getOutputStream(), StandardCharsets.UTF_8);
            w.write(key + "\n");
            w.flush();
            String r = new BufferedReader(new InputStreamReader(o.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (r == null) {
                throw new IOException("no response from the origin");
            }
            return r;
        } finally {
            sockets.remove(o);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = false;
        server.close();
        while (true) {
            try {
                acceptor.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Socket s : sockets) {
            s.close();
        }
        pool.shutdownNow();
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
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
