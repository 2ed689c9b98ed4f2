package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectorEchoServerTest {
    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(5_000);
        return s;
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        assertEquals(n, b.length, "the echo stopped early");
        return b;
    }

    @Test
    void echoesBytesInOrder() throws Exception {
        try (SelectorEchoServer server = new SelectorEchoServer(0); Socket s = connect(server.port())) {
            assertTrue(server.port() > 0);
            byte[] msg = "héllo, no newline needed ✓".getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(msg);
            assertArrayEquals(msg, readExactly(s.getInputStream(), msg.length));
            byte[] binary = {0, 1, 2, (byte) 0xff, 10, 13, 0};
            s.getOutputStream().write(binary);
            assertArrayEquals(binary, readExactly(s.getInputStream(), binary.length));
        }
    }

    @Test
    void servesSeveralClientsInterleaved() throws Exception {
        try (SelectorEchoServer server = new SelectorEchoServer(0);
             Socket a = connect(server.port());
             Socket b = connect(server.port())) {
            for (int i = 0; i < 20; i++) {
                byte[] ma = ("a" + i).getBytes(StandardCharsets.UTF_8);
                byte[] mb = ("b" + i).getBytes(StandardCharsets.UTF_8);
                a.getOutputStream().write(ma);
                b.getOutputStream().write(mb);
                assertArrayEquals(mb, readExactly(b.getInputStream(), mb.length));
                assertArrayEquals(ma, readExactly(a.getInputStream(), ma.length));
            }
        }
    }

    @Test
    void usesOneThreadAndStopsItOnClose() throws Exception {
        Set<Thread> before = Waits.liveThreads();
        SelectorEchoServer server = new SelectorEchoServer(0);
        Set<Thread> started = Waits.newThreads(before);
        try (Socket a = connect(server.port()); Socket b = connect(server.port())) {
            a.getOutputStream().write(1);
            b.getOutputStream().write(2);
            assertEquals(1, a.getInputStream().read());
            assertEquals(2, b.getInputStream().read());
            Set<Thread> now = Waits.newThreads(before);
            assertEquals(1, started.size(), "expected one serving thread, got " + started);
            assertEquals(started, now, "threads were started per client: " + now);
            server.close();
            server.close();
            assertEquals(-1, readOrEof(a), "close() left a connection open");
        }
        for (Thread t : started) {
            assertFalse(t.isAlive(), t.getName() + " still runs after close()");
        }
    }

    @Test
    void aSlowReaderLosesNothingAndDoesNotStallOthers() throws Exception {
        byte[] big = new byte[16 << 20];            // far more than socket buffers and any sane pending buffer
        new Random(1).nextBytes(big);
        try (SelectorEchoServer server = new SelectorEchoServer(0);
             Socket hog = connect(server.port());
             Socket other = connect(server.port())) {
            // The hog sends everything without reading; its writes block once the buffers fill.
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Waits.Task<Void> sender = Waits.start("hog-sender", () -> {
                OutputStream out = hog.getOutputStream();
                for (int off = 0; off < big.length; off += 64 << 10) {
                    int n = Math.min(64 << 10, big.length - off);
                    out.write(big, off, n);
                    sent.addAndGet(n);
                }
                hog.shutdownOutput();
                return null;
            });
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sent.get() < (4 << 20) && System.nanoTime() < deadline) {
                Thread.sleep(1);                   // let the hog fill the buffers first
            }
            for (int i = 0; i < 10; i++) {
                other.getOutputStream().write(new byte[] {(byte) i});
                assertEquals(i, other.getInputStream().read(), "another client stalled behind the hog");
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            hog.setSoTimeout(10_000);
            hog.getInputStream().transferTo(got);   // until the server closes after echoing all
            sender.get();
            assertEquals(big.length, got.size(), "bytes were lost");
            assertTrue(Arrays.equals(big, got.toByteArray()), "bytes were reordered or corrupted");
        }
    }

    private static int readOrEof(Socket s) {
        try {
            return s.getInputStream().read();
        } catch (IOException e) {
            return -1;                              // reset: closed as well
        }
    }
}
