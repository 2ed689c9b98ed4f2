package racecourse.instructor.suites;

import exercises.SelectorEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.Sockets;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Stress;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
class SelectorEchoServerHiddenTest {
    @Test
    @DisplayName("a slow reader sending 16 MiB gets every byte back while 8 other clients are served")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG, RACE, SERIALIZED}, bound = "10 s for the other clients, 20 s for the slow reader; 5 s (8 s for the slow reader) per read")
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
                    AtomicLong sent = new AtomicLong();
                    Await.Call<Void> writer = Await.start("slow-writer", () -> {
                        OutputStream out = sock.getOutputStream();
                        for (int off = 0; off < data.length; off += 8192) {
                            out.write(data, off, 8192);
                            sent.addAndGet(8192);
                        }
                        sock.shutdownOutput();
                        return null;
                    });
                    // Read nothing until the writer is held back (no progress for 0.3 s) or done,
                    // at most 1 s: the server's buffer for this client is full, and a server that
                    // then keeps reading must drop or grow; it must stop reading instead.
                    awaitHeldBack(writer, sent, Duration.ofMillis(300), Duration.ofSeconds(1));
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
                } catch (java.net.SocketTimeoutException e) {
                    throw new racecourse.grader.harness.VerdictFailure(SERIALIZED, "the slow reader got nothing back for 8 s "
                            + "while other clients were connected: the serving thread blocks on one client");
                }
            });
            Stress.parallel("client", 8, Duration.ofSeconds(10), RACE, i -> {
                try (LineClient c = new LineClient(s.port(), 5000)) {
                    for (int k = 0; k < 20; k++) {
                        Check.equal("c" + i + "-" + k, c.echo("c" + i + "-" + k), FUNCTIONAL, "an echo while a slow reader is connected");
                    }
                } catch (java.net.SocketTimeoutException e) {
                    throw new racecourse.grader.harness.VerdictFailure(SERIALIZED, "client " + i + " got no echo within 5 s while a "
                            + "slow reader was connected: the serving thread blocks on one client");
                }
            });
            byte[] echoed = slow.get(Duration.ofSeconds(20));
            int firstDiff = Arrays.mismatch(data, echoed);
            Check.that(firstDiff < 0, FUNCTIONAL, "a client that sent 16 MiB and read slowly got " + echoed.length
                    + " bytes back, differing from what it sent at byte " + firstDiff + ": bytes were lost or reordered");
        }
    }

    @Test
    @DisplayName("a client that sends 24 MiB and never reads is held back before it has sent 16 MiB")
    @Checks(rules = {"R4"}, verdicts = {FUNCTIONAL, RESOURCES}, bound = "until the client's writes make no progress for 0.5 s, at most 12 s")
    void neverReadingClientIsHeldBack() throws Exception {
        try (SelectorEchoServer s = new SelectorEchoServer(0); Socket sock = new Socket()) {
            // Small buffers on our side, so what the kernel holds for us stays small and what the
            // client gets to send is what the server took in.
            sock.setReceiveBufferSize(4096);
            sock.setSendBufferSize(4096);
            sock.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()), 2000);
            AtomicLong sent = new AtomicLong();
            byte[] data = new byte[24 << 20];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i % 251);
            }
            Await.Call<Void> writer = Await.start("never-reads", () -> {
                OutputStream out = sock.getOutputStream();
                for (int off = 0; off < data.length; off += 64 << 10) {
                    out.write(data, off, 64 << 10);
                    sent.addAndGet(64 << 10);
                }
                sock.shutdownOutput();
                return null;
            });
            // A server that keeps reading takes 24 MiB in well under a second: half a second
            // without progress is a client held back.
            awaitHeldBack(writer, sent, Duration.ofMillis(500), Duration.ofSeconds(12));
            long total = sent.get();
            if (total < 16L << 20) {
                return;            // held back: right
            }
            // Not held back: it took in everything. Did it keep it all (unbounded memory) or drop
            // some? The first 8 MiB of the echo tell: a server that drops does so as soon as its
            // buffer for us is full, long before that.
            sock.setSoTimeout(5000);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = sock.getInputStream();
            byte[] buf = new byte[64 << 10];
            int n;
            try {
                while (got.size() < 8 << 20 && (n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came back so far
            }
            byte[] echoed = got.toByteArray();
            total = Math.min(total, 8 << 20);
            int firstDiff = Arrays.mismatch(data, 0, echoed.length, echoed, 0, echoed.length);
            if (firstDiff < 0 && echoed.length < total) {
                firstDiff = echoed.length;
            }
            Check.that(firstDiff < 0, FUNCTIONAL, "a client that never read sent " + (total >> 20)
                    + " MiB and, reading at last, got " + echoed.length + " bytes back, differing from what it sent at byte "
                    + firstDiff + ": the server kept reading from it and dropped bytes instead of waiting");
            Check.fail(RESOURCES, "a client that never reads its echo sent " + (total >> 20) + " MiB without being held back, "
                    + "and all of it came back: the server buffered it all. Stop reading from a client whose pending echo "
                    + "is full (at most 1 MiB)");
        }
    }

    @Test
    @DisplayName("8 clients connected: still one serving thread")
    @Checks(rules = {"R2"}, verdicts = {RESOURCES}, bound = "2 s for the server to accept the clients, then 0.4 s")
    void oneThreadForManyClients() throws Exception {
        Set<Thread> before = Threads.live();
        List<Socket> clients = new ArrayList<>();
        try (SelectorEchoServer s = new SelectorEchoServer(0)) {
            int baseline = Sockets.open();
            for (int i = 0; i < 8; i++) {
                Socket c = new Socket();
                clients.add(c);
                c.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()), 2000);
            }
            // Wait until the server has accepted all 8 (or 2 s), then watch its threads for 0.4 s: a
            // thread per client is started when the client is accepted or first readable, not later.
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline && Sockets.open() - baseline - clients.size() < 8) {
                Thread.sleep(20);
            }
            int most = 0;
            deadline = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < deadline && most <= 1) {
                most = Math.max(most, (int) Threads.live().stream()
                        .filter(t -> !before.contains(t) && t.isAlive()).count());
                Thread.sleep(20);
            }
            for (Socket c : clients) {
                c.close();         // before the server's close(), which a blocked server may wait for
            }
            Check.that(most <= 1, RESOURCES, "with 8 clients connected the server ran " + most
                    + " threads: one thread serves all clients");
        } finally {
            for (Socket c : clients) {
                c.close();
            }
        }
    }

    /**
     * Waits until {@code writer} is done, or its count of bytes {@code sent} has not moved for
     * {@code quiet} (the server holds it back), or {@code most} has passed.
     */
    static void awaitHeldBack(Await.Call<?> writer, AtomicLong sent, Duration quiet, Duration most) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + most.toNanos();
        long last = -1;
        long movedAt = now;
        while (!writer.isDone() && now < deadline && now - movedAt < quiet.toNanos()) {
            long seen = sent.get();
            if (seen != last) {
                last = seen;
                movedAt = now;
            }
            Thread.sleep(10);
            now = System.nanoTime();
        }
    }
}
