// expect: pass
// Style: JCIP BoundedExecutor: a ThreadPoolExecutor of exactly `workers` prestarted threads over a bounded ArrayBlockingQueue, throttled by a Semaphore.
package exercises;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

public final class PrethreadedEchoServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket();
    private final ThreadPoolExecutor pool;
    private final Semaphore room; // workers + queue capacity: the acceptor waits here, never the queue
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final AtomicBoolean closed = new AtomicBoolean();
    // awaitTermination returns once the last worker has run its exit code, not once its thread has
    // ended: close() joins the threads themselves.
    private final List<Thread> poolThreads = new CopyOnWriteArrayList<>();

    public PrethreadedEchoServer(int port, int workers) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        int queued = workers;
        AtomicInteger n = new AtomicInteger();
        // The queue holds as many tasks as the semaphore allows unfinished: a task releases its permit
        // just before its worker is free again, so with a queue of only `queued` the acceptor's next
        // execute() could find every worker busy and the queue full, and be rejected.
        pool = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workers + queued), r -> {
                    Thread t = new Thread(r, "echo-worker-" + n.getAndIncrement());
                    poolThreads.add(t);
                    return t;
                });
        pool.prestartAllCoreThreads();
        room = new Semaphore(workers + queued);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            server.close();
            pool.shutdownNow();
            throw e;
        }
        acceptor = new Thread(this::accept, "echo-acceptor");
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                room.acquire();
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    room.release();
                    return;
                }
                connections.add(client);
                try {
                    pool.execute(() -> serve(client));
                } catch (RejectedExecutionException e) { // shut down meanwhile
                    close(client);
                    room.release();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() stops us
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // gone
        } finally {
            connections.remove(client);
            room.release();
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        acceptor.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                acceptor.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // Queued tasks never run; their sockets, like those being served, are in `connections`.
        pool.shutdownNow();
        connections.forEach(PrethreadedEchoServer::close);
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread t : poolThreads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
