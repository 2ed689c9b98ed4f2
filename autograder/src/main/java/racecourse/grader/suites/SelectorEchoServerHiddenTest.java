package racecourse.grader.suites;

import exercises.SelectorEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Stress;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.RACE;

class SelectorEchoServerHiddenTest {
    @Test
    @DisplayName("a slow reader sending 16 MiB gets every byte back while 8 other clients are served")
    void slowReaderLosesNothing() throws Exception {
        try (SelectorEchoServer s = new SelectorEchoServer(0)) {
            byte[] data = new byte[16 << 20];
            new Random(1).nextBytes(data);
            Await.Call<byte[]> slow = Await.start("slow-reader", () -> {
                try (Socket sock = new Socket()) {
                    // A small window, so the echo backs up into the server instead of our kernel buffers.
                    sock.setReceiveBufferSize(8192);
                    sock.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()));
                    sock.setSoTimeout(8000);
                    Await.Call<Void> writer = Await.start("slow-writer", () -> {
                        OutputStream out = sock.getOutputStream();
                        for (int off = 0; off < data.length; off += 8192) {
                            out.write(data, off, 8192);
                        }
                        sock.shutdownOutput();
                        return null;
                    });
                    // Read nothing for a while: the server's buffer for this client fills up, and a
                    // server that then keeps reading must drop or grow; it must stop reading instead.
                    long until = System.nanoTime() + 1_000_000_000L;
                    while (!writer.isDone() && System.nanoTime() < until) {
                        Thread.sleep(10);
                    }
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    InputStream in = sock.getInputStream();
                    byte[] buf = new byte[4096];
                    int n;
                    int reads = 0;
                    while ((n = in.read(buf)) > 0) {
                        got.write(buf, 0, n);
                        if (reads++ % 16 == 0) {
                            Thread.sleep(1);
                        }
                    }
                    writer.get(Duration.ofSeconds(5));
                    return got.toByteArray();
                }
            });
            Stress.parallel("client", 8, Duration.ofSeconds(10), RACE, i -> {
                try (LineClient c = new LineClient(s.port(), 5000)) {
                    for (int k = 0; k < 20; k++) {
                        Check.equal("c" + i + "-" + k, c.echo("c" + i + "-" + k), FUNCTIONAL, "an echo while a slow reader is connected");
                    }
                }
            });
            byte[] echoed = slow.get(Duration.ofSeconds(20));
            int firstDiff = Arrays.mismatch(data, echoed);
            Check.that(firstDiff < 0, FUNCTIONAL, "a client that sent 16 MiB and read slowly got " + echoed.length
                    + " bytes back, differing from what it sent at byte " + firstDiff + ": bytes were lost or reordered");
        }
    }
}
