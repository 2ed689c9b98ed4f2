package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrethreadedEchoServerTest {
    /** A line client on the loopback interface, with a read timeout so no test can hang on it. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String echo(String line) throws IOException {
            send(line + "\n");
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void rejectsFewerThanOneWorker() {
        assertThrows(IllegalArgumentException.class, () -> new PrethreadedEchoServer(0, 0));
    }

    @Test
    void echoesUtf8Lines() throws Exception {
        try (PrethreadedEchoServer server = new PrethreadedEchoServer(0, 2);
             Client c = new Client(server.port())) {
            assertTrue(server.port() > 0);
            assertEquals("hello", c.echo("hello"));
            assertEquals("héllo wörld ✓ 🐎", c.echo("héllo wörld ✓ 🐎"));
            c.send("two\nlines\n");
            assertEquals("two", c.in.readLine());
            assertEquals("lines", c.in.readLine());
            assertEquals("", c.echo(""));
        }
    }

    @Test
    void startsOneAcceptorAndExactlyTheWorkersAndStopsThemOnClose() throws Exception {
        Set<Thread> before = Waits.liveThreads();
        PrethreadedEchoServer server = new PrethreadedEchoServer(0, 3);
        Set<Thread> started = Waits.newThreads(before);
        try {
            assertEquals(4, started.size(), "expected 1 acceptor + 3 workers, got " + started);
        } finally {
            server.close();
        }
        for (Thread t : started) {
            assertFalse(t.isAlive(), t.getName() + " still runs after close()");
        }
    }

    @Test
    void servesAtMostWorkersClientsAtOnceAndQueuesTheRest() throws Exception {
        try (PrethreadedEchoServer server = new PrethreadedEchoServer(0, 2);
             Client a = new Client(server.port());
             Client b = new Client(server.port());
             Client c = new Client(server.port())) {
            assertEquals("a", a.echo("a"));
            assertEquals("b", b.echo("b"));        // both workers are now busy with a and b
            c.send("c\n");
            c.socket.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, c.in::readLine, "a third client was served by two workers");
            c.socket.setSoTimeout(5_000);
            a.close();                             // frees a worker, which takes c from the queue
            assertEquals("c", c.in.readLine());
            assertEquals("b2", b.echo("b2"));
        }
    }

    @Test
    void closeClosesOpenConnectionsAndStopsAccepting() throws Exception {
        PrethreadedEchoServer server = new PrethreadedEchoServer(0, 1);
        int port = server.port();
        try (Client served = new Client(port); Client queued = new Client(port)) {
            assertEquals("x", served.echo("x"));
            queued.send("waiting\n");
            server.close();
            server.close();                        // a second close does nothing
            assertEndOfStream(served);
            assertEndOfStream(queued);
        }
        assertFalse(served(port), "a client was served after close()");
    }

    /** Whether a new client on {@code port} gets an echo (refused, reset or closed: false). */
    static boolean served(int port) {
        try (Client late = new Client(port)) {
            return "anyone?".equals(late.echo("anyone?"));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void bindsTheLoopbackInterfaceOnly() throws Exception {
        try (PrethreadedEchoServer server = new PrethreadedEchoServer(0, 1);
             Client c = new Client(server.port())) {
            assertEquals("ok", c.echo("ok"));
            InetAddress external = nonLoopbackAddress();
            org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this host has no other address");
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new java.net.InetSocketAddress(external, server.port()), 2_000),
                        "the server is reachable on " + external + ", not only on 127.0.0.1");
            }
        }
    }

    /** An IPv4 address of this host other than loopback, or null. */
    static InetAddress nonLoopbackAddress() throws IOException {
        for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    private static void assertEndOfStream(Client c) {
        try {
            assertEquals(null, c.in.readLine(), "the server did not close the connection");
        } catch (IOException e) {
            // reset by the server: closed as well
        }
    }
}
