// expect: functional
// Bug: accepts workers < 1 (and then serves nobody).
package exercises;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line echo server with a fixed pool of worker threads.
 *
 * <p>CS:APP 12.5.5 ({@code echoservert_pre}): one acceptor thread accepts connections and puts
 * them into a bounded buffer; {@code workers} worker threads take connections out of it, one at a
 * time, and echo each line back. So at most {@code workers} clients are served at once; the next
 * ones wait in the buffer (and, once it is full, in the kernel's listen backlog).
 */
public final class PrethreadedEchoServer implements AutoCloseable {
    // BEGIN SOLUTION
    private final ServerSocket server;
    // The chapter's sbuf. (java.util.concurrent's ArrayBlockingQueue is the same thing; your own
    // BoundedBuffer would do too, but each exercise must compile on its own.)
    private final BlockingQueue<Socket> queue;
    // Every accepted connection not yet finished, queued or being served, so close() can close it.
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final List<Thread> workerThreads = new ArrayList<>();
    private volatile boolean closed;
    // END SOLUTION

    /**
     * Binds 127.0.0.1:{@code port} (0 for any free port) and starts one acceptor thread and
     * exactly {@code workers} worker threads. Connections are accepted once this returns.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     * @throws IOException if the port cannot be bound
     */
    public PrethreadedEchoServer(int port, int workers) throws IOException {
        // BEGIN SOLUTION (throw)
        // Bound before we return, so a client may connect as soon as the constructor is done.
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        queue = new ArrayBlockingQueue<>(Math.max(16, 4 * workers));
        for (int i = 0; i < workers; i++) {
            workerThreads.add(Thread.ofPlatform().name("echo-worker-" + i).daemon().start(this::work));
        }
        acceptor = Thread.ofPlatform().name("echo-acceptor").daemon().start(this::accept);
        // END SOLUTION
    }

    /** The port the server listens on (useful when it was created with port 0). */
    public int port() {
        // BEGIN SOLUTION (throw)
        return server.getLocalPort();
        // END SOLUTION
    }

    /**
     * Stops accepting, closes every open connection (queued or being served) and returns once the
     * acceptor and all the workers have ended. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        // BEGIN SOLUTION (throw)
        if (closed) {
            return;
        }
        closed = true;
        server.close();              // accept() in the acceptor throws: it ends
        acceptor.interrupt();        // ... or it was blocked in queue.put: that throws too
        boolean interrupted = joinUninterruptibly(acceptor);
        // The acceptor has ended, so no connection can be added any more: closing all of them
        // now cannot miss one. Closing a socket also wakes a worker blocked reading it.
        for (Socket s : open) {
            closeQuietly(s);
        }
        for (Thread w : workerThreads) {
            w.interrupt();           // wakes the workers blocked in queue.take
        }
        for (Thread w : workerThreads) {
            interrupted |= joinUninterruptibly(w);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
    }
    // BEGIN SOLUTION

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;          // close() closed the server socket
                }
                continue;            // a failed accept (e.g. client reset) must not stop the server
            }
            open.add(s);
            try {
                queue.put(s);        // blocks while all workers are busy and the buffer is full
            } catch (InterruptedException e) {
                open.remove(s);
                closeQuietly(s);
                return;
            }
        }
    }

    private void work() {
        while (!closed) {
            Socket s;
            try {
                s = queue.take();
            } catch (InterruptedException e) {
                return;              // close() interrupted us
            }
            try {
                echo(s);
            } catch (IOException | UncheckedIOException e) {
                // The client went away or close() closed the socket: serve the next one.
            } finally {
                open.remove(s);
                closeQuietly(s);
            }
        }
    }

    private static void echo(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            out.write(line);
            out.write('\n');
            out.flush();
        }
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
