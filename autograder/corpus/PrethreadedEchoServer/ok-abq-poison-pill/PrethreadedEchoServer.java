// expect: pass
// Style: platform threads, ArrayBlockingQueue as sbuf, one poison pill per worker to stop them, a set of every accepted socket.
package exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

public final class PrethreadedEchoServer implements AutoCloseable {
    private static final Socket POISON = new Socket();

    private final ServerSocket listener;
    private final BlockingQueue<Socket> queue;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet(); // accepted and not yet finished
    private final Thread acceptor;
    private final List<Thread> workers = new ArrayList<>();
    private final int workerCount;
    private volatile boolean closing;
    private boolean closed; // guarded by this

    public PrethreadedEchoServer(int port, int workers) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.workerCount = workers;
        this.queue = new ArrayBlockingQueue<>(Math.max(16, 4 * workers));
        this.listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        for (int i = 0; i < workers; i++) {
            Thread w = new Thread(this::work, "echo-worker-" + i);
            this.workers.add(w);
            w.start();
        }
        acceptor = new Thread(this::acceptLoop, "echo-acceptor");
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (!closing) {
                Socket s = listener.accept();
                open.add(s);
                if (closing) { // close() may already have swept the set
                    s.close();
                    open.remove(s);
                    break;
                }
                queue.put(s);
            }
        } catch (IOException | InterruptedException e) {
            // listener closed or close() interrupted us: stop accepting
        }
    }

    private void work() {
        try {
            while (true) {
                Socket s = queue.take();
                if (s == POISON) {
                    return;
                }
                try (s) {
                    if (!closing) {
                        echo(s);
                    }
                } catch (IOException e) {
                    // client gone or closed by close(): next one
                } finally {
                    open.remove(s);
                }
            }
        } catch (InterruptedException e) {
            // not expected: we stop on the pill
        }
    }

    private static void echo(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        String line;
        while ((line = in.readLine()) != null) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closing = true;
        listener.close();
        acceptor.interrupt(); // in case it waits in queue.put
        joinQuietly(acceptor);
        for (Socket s : open) {
            try {
                s.close();
            } catch (SocketException ignored) {
                // already closed
            }
        }
        queue.clear(); // the sockets in it are closed already (they are in `open`)
        for (int i = 0; i < workerCount; i++) {
            putQuietly(POISON);
        }
        for (Thread w : workers) {
            joinQuietly(w);
        }
    }

    private void putQuietly(Socket s) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(s);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
