// expect: pass
// Style: virtual threads (Thread.ofVirtual) for the acceptor and the workers, a hand-written sbuf (synchronized/wait/notifyAll) with a close flag.
package exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public final class PrethreadedEchoServer implements AutoCloseable {
    /** CS:APP's sbuf as a monitor; shut() wakes everyone and makes take() return null. */
    private static final class Sbuf {
        private final ArrayDeque<Socket> items = new ArrayDeque<>();
        private final int capacity;
        private boolean shut;

        Sbuf(int capacity) {
            this.capacity = capacity;
        }

        synchronized boolean put(Socket s) throws InterruptedException {
            while (items.size() == capacity && !shut) {
                wait();
            }
            if (shut) {
                return false;
            }
            items.addLast(s);
            notifyAll();
            return true;
        }

        synchronized Socket take() throws InterruptedException {
            while (items.isEmpty() && !shut) {
                wait();
            }
            if (shut) {
                return null;
            }
            Socket s = items.removeFirst();
            notifyAll();
            return s;
        }

        synchronized List<Socket> shut() {
            shut = true;
            List<Socket> left = new ArrayList<>(items);
            items.clear();
            notifyAll();
            return left;
        }
    }

    private final ServerSocket serverSocket;
    private final Sbuf sbuf;
    private final Set<Socket> serving = new HashSet<>(); // guarded by itself
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed; // guarded by this

    public PrethreadedEchoServer(int port, int workers) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        serverSocket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        sbuf = new Sbuf(workers);
        threads.add(Thread.ofVirtual().name("acceptor").start(this::acceptLoop));
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("worker-" + i).start(this::workerLoop));
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                if (!sbuf.put(client)) {
                    client.close();
                    return;
                }
            } catch (InterruptedException | IOException e) {
                closeQuietly(client);
                return;
            }
        }
    }

    private void workerLoop() {
        while (true) {
            Socket client;
            try {
                client = sbuf.take();
            } catch (InterruptedException e) {
                return;
            }
            if (client == null) {
                return;
            }
            synchronized (serving) {
                if (sbufShut()) {
                    closeQuietly(client);
                    return;
                }
                serving.add(client);
            }
            try (client;
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.print(line);
                    out.print('\n');
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away, or close() closed it
            } finally {
                synchronized (serving) {
                    serving.remove(client);
                }
            }
        }
    }

    private boolean sbufShut() {
        synchronized (sbuf) {
            return sbuf.shut;
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
        serverSocket.close(); // the acceptor's accept() fails: it stops
        for (Socket queued : sbuf.shut()) {
            closeQuietly(queued);
        }
        synchronized (serving) {
            for (Socket s : serving) {
                closeQuietly(s);
            }
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
