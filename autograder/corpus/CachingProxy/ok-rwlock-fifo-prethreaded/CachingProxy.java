// expect: pass
// Style: prethreaded as in CS:APP (an acceptor and maxClients platform workers around an ArrayBlockingQueue); a ReentrantReadWriteLock over an insertion-ordered LinkedHashMap (FIFO eviction) and a map of pending fetches, each a latch-guarded slot, registered under the write lock.
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public final class CachingProxy implements AutoCloseable {
    /** A fetch in progress: its result once the latch is open. */
    private static final class Pending {
        final CountDownLatch done = new CountDownLatch(1);
        volatile String result;
    }

    private final int originPort;
    private final int maxEntries;
    private final ServerSocket listener;
    private final BlockingQueue<Socket> queue;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final LinkedHashMap<String, String> cache = new LinkedHashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    public CachingProxy(int originPort, int maxEntries, int maxClients) throws IOException {
        if (originPort < 1 || originPort > 65535) {
            throw new IllegalArgumentException("originPort");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients");
        }
        this.originPort = originPort;
        this.maxEntries = maxEntries;
        this.queue = new ArrayBlockingQueue<>(maxClients);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        for (int i = 0; i < maxClients; i++) {
            threads.add(Thread.ofPlatform().name("worker-" + i).daemon().start(this::work));
        }
        acceptor = Thread.ofPlatform().name("acceptor").daemon().start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            sockets.add(s);
            try {
                queue.put(s);
            } catch (InterruptedException e) {
                sockets.remove(s);
                try {
                    s.close();
                } catch (IOException x) {
                    // closing anyway
                }
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
                return;
            }
            try (s) {
                if (closed) {
                    return;
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(request(line));
                    out.write('\n');
                    out.flush();
                }
            } catch (IOException e) {
                // next client
            } catch (InterruptedException e) {
                return;
            } finally {
                sockets.remove(s);
            }
        }
    }

    private String request(String key) throws InterruptedException {
        rw.readLock().lock();
        try {
            String hit = cache.get(key);        // insertion order: a read changes nothing
            if (hit != null) {
                return hit;
            }
        } finally {
            rw.readLock().unlock();
        }
        Pending p;
        boolean fetcher = false;
        rw.writeLock().lock();
        try {
            String hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
            p = pending.get(key);
            if (p == null) {
                p = new Pending();
                pending.put(key, p);
                fetcher = true;
            }
        } finally {
            rw.writeLock().unlock();
        }
        if (!fetcher) {
            p.done.await();
            return p.result;
        }
        String result;
        boolean ok = false;
        try {
            result = fetch(key);
            ok = true;
        } catch (IOException e) {
            result = "ERROR " + e.getMessage();
        }
        rw.writeLock().lock();
        try {
            if (ok) {
                cache.put(key, result);
                if (cache.size() > maxEntries) {
                    Iterator<String> oldest = cache.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            pending.remove(key);
        } finally {
            rw.writeLock().unlock();
        }
        p.result = result;
        p.done.countDown();
        return result;
    }

    private String fetch(String key) throws IOException {
        Socket o = new Socket();
        sockets.add(o);
        try (o) {
            if (closed) {
                throw new IOException("closed");
            }
            o.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), originPort), 5000);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o.getOutputStream(), StandardCharsets.UTF_8));
            w.write(key);
            w.write('\n');
            w.flush();
            String r = new BufferedReader(new InputStreamReader(o.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (r == null) {
                throw new IOException("the origin sent nothing");
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
        listener.close();
        acceptor.interrupt();
        boolean interrupted = false;
        while (acceptor.isAlive()) {
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already
            }
        }
        for (Socket s : queue) {
            s.close();
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
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
