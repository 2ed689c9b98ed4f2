// expect: pass
// Style: CS:APP literally: sbuf built from three Semaphores (mutex, slots, items) over a circular array; Worker extends Thread; poison pills stop the workers.
package exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

public final class PrethreadedEchoServer implements AutoCloseable {
    /** echoservert_pre's sbuf_t: n slots, front/rear, mutex/slots/items. Holds Sockets; null is the poison pill. */
    private static final class Sbuf {
        private final Socket[] buf;
        private int front, rear;
        private final Semaphore mutex = new Semaphore(1);
        private final Semaphore slots;
        private final Semaphore items = new Semaphore(0);

        Sbuf(int n) {
            buf = new Socket[n];
            slots = new Semaphore(n);
        }

        void insert(Socket s) throws InterruptedException {
            slots.acquire();
            mutex.acquireUninterruptibly();
            buf[rear] = s;
            rear = (rear + 1) % buf.length;
            mutex.release();
            items.release();
        }

        Socket remove() throws InterruptedException {
            items.acquire();
            mutex.acquireUninterruptibly();
            Socket s = buf[front];
            buf[front] = null;
            front = (front + 1) % buf.length;
            mutex.release();
            slots.release();
            return s;
        }
    }

    private final class Worker extends Thread {
        Worker(int i) {
            super("worker-" + i);
        }

        @Override
        public void run() {
            while (true) {
                Socket conn;
                try {
                    conn = sbuf.remove();
                } catch (InterruptedException e) {
                    return;
                }
                if (conn == null) {
                    return; // poison pill from close()
                }
                try {
                    echo(conn);
                } catch (IOException e) {
                    // client gone, or close() closed it
                } finally {
                    forget(conn);
                }
            }
        }
    }

    private final ServerSocket listenfd;
    private final Sbuf sbuf;
    private final Set<Socket> connections = new HashSet<>(); // accepted, not finished; guarded by itself
    private final List<Worker> workers = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean stopping;
    private final Object closeLock = new Object();
    private boolean closed; // guarded by closeLock

    public PrethreadedEchoServer(int port, int workers) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        listenfd = new ServerSocket(port, 64, InetAddress.getByName("127.0.0.1"));
        sbuf = new Sbuf(workers + 1); // one pill per worker must fit once the acceptor is gone
        for (int i = 0; i < workers; i++) {
            Worker w = new Worker(i);
            this.workers.add(w);
            w.start();
        }
        acceptor = new Thread(this::acceptLoop, "acceptor");
        acceptor.start();
    }

    public int port() {
        return listenfd.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket connfd;
            try {
                connfd = listenfd.accept();
            } catch (IOException e) {
                if (stopping) {
                    return;
                }
                continue; // a failed accept does not stop the server
            }
            synchronized (connections) {
                connections.add(connfd);
            }
            try {
                sbuf.insert(connfd);
            } catch (InterruptedException e) {
                forget(connfd);
                return;
            }
        }
    }

    private void forget(Socket s) {
        synchronized (connections) {
            connections.remove(s);
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    private static void echo(Socket s) throws IOException {
        BufferedReader rio = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        for (String line; (line = rio.readLine()) != null; ) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopping = true;
        listenfd.close();
        acceptor.interrupt(); // it may be waiting for a slot
        boolean interrupted = join(acceptor);
        List<Socket> open;
        synchronized (connections) {
            open = new ArrayList<>(connections);
        }
        for (Socket s : open) {
            s.close(); // queued ones are served at once and end; served ones see the socket closed
        }
        for (int i = 0; i < workers.size(); i++) {
            while (true) {
                try {
                    sbuf.insert(null);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Worker w : workers) {
            interrupted |= join(w);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean join(Thread t) {
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
}
