package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference CachingProxy against a small origin of its own (the grader's suites test it fully). */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CachingProxyTest {
    /** An origin on 127.0.0.1 that answers "R:" + request, after a gate opens, and counts requests. */
    static final class Origin implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();
        final CountDownLatch gate;
        final Thread acceptor;

        Origin(CountDownLatch gate) throws IOException {
            this.gate = gate;
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> answer(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void answer(Socket s) {
            try (s) {
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                requests.incrementAndGet();
                gate.await(5, TimeUnit.SECONDS);
                s.getOutputStream().write(("R:" + line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                // gone
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(2000);
        }
    }

    static String ask(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    @Test
    void missThenHitThenEviction() throws Exception {
        try (Origin o = new Origin(new CountDownLatch(0)); CachingProxy p = new CachingProxy(o.server.getLocalPort(), 2, 2)) {
            assertEquals("R:a", ask(p.port(), "a"));
            assertEquals("R:a", ask(p.port(), "a"));
            assertEquals(1, o.requests.get());
            assertEquals("R:b", ask(p.port(), "b"));
            assertEquals("R:a", ask(p.port(), "a"));      // a is now more recently used than b
            assertEquals("R:c", ask(p.port(), "c"));      // evicts b, the least recently used
            assertEquals("R:a", ask(p.port(), "a"));
            assertEquals(3, o.requests.get());
            assertEquals("R:b", ask(p.port(), "b"));
            assertEquals(4, o.requests.get());
        }
    }

    @Test
    void concurrentMissesFetchOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (Origin o = new Origin(gate); CachingProxy p = new CachingProxy(o.server.getLocalPort(), 8, 8)) {
            List<Thread> clients = new ArrayList<>();
            AtomicInteger right = new AtomicInteger();
            for (int i = 0; i < 6; i++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    try {
                        if ("R:k".equals(ask(p.port(), "k"))) {
                            right.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // counted as not right
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (o.requests.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);                              // let the other requests reach the proxy
            gate.countDown();
            for (Thread t : clients) {
                t.join(5000);
            }
            assertEquals(6, right.get());
            assertEquals(1, o.requests.get());
        }
    }

    @Test
    void closeEndsAFetchThatNeverAnswers() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Origin o = new Origin(never)) {
            CachingProxy p = new CachingProxy(o.server.getLocalPort(), 8, 2);
            Socket c = new Socket(InetAddress.getLoopbackAddress(), p.port());
            c.getOutputStream().write("stuck\n".getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (o.requests.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long start = System.nanoTime();
            p.close();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close() took over 2 s");
            c.setSoTimeout(2000);
            assertEquals(-1, c.getInputStream().read());
            c.close();
            never.countDown();
        }
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new CachingProxy(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CachingProxy(80, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CachingProxy(80, 1, 0));
    }
}
