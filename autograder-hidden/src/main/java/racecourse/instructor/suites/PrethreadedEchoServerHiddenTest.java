package racecourse.instructor.suites;

import exercises.PrethreadedEchoServer;
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

import java.net.SocketTimeoutException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.RESOURCES;

// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
class PrethreadedEchoServerHiddenTest {
    @Test
    @DisplayName("16 clients at once with 4 workers, 30 lines each, one slow reader among them")
    @Checks(rules = {"R2", "R3"}, verdicts = {FUNCTIONAL, HANG, RACE}, bound = "15 s; 8 s per echo")
    void manyClients() throws Exception {
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 4)) {
            AtomicInteger wrong = new AtomicInteger();
            Stress.parallel("client", 16, Duration.ofSeconds(15), RACE, i -> {
                try (LineClient c = new LineClient(s.port(), 8000)) {
                    for (int k = 0; k < 30; k++) {
                        String line = "client " + i + " line " + k;
                        if (i == 0) {
                            c.send(line + "\n");
                            Stress.pause(2);
                            if (!line.equals(c.readLine())) {
                                wrong.incrementAndGet();
                            }
                        } else if (!line.equals(c.echo(line))) {
                            wrong.incrementAndGet();
                        }
                    }
                } catch (SocketTimeoutException e) {
                    throw new racecourse.grader.harness.VerdictFailure(HANG, "client " + i + " got no echo within 8 s");
                }
            });
            Check.that(wrong.get() == 0, FUNCTIONAL, wrong.get() + " echoes were wrong");
        }
    }

    @Test
    @DisplayName("8 clients connected to 2 workers: never more than 3 server threads (no thread per client)")
    @Checks(rules = {"R3"}, verdicts = {RESOURCES}, bound = "2 s for the server to accept the clients, then 0.4 s")
    void noThreadPerClient() throws Exception {
        Set<Thread> before = Threads.live();
        List<Socket> clients = new ArrayList<>();
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 2)) {
            int baseline = Sockets.open();
            for (int i = 0; i < 8; i++) {
                clients.add(connect(s.port()));
            }
            // Two are served at once, the others wait in the queue. Wait until the server has
            // accepted all 8 (or 2 s), then watch its threads for 0.4 s: a thread per client is
            // started when a client is accepted or taken from the queue, not later.
            awaitAccepted(baseline, clients.size(), 8, Duration.ofSeconds(2));
            int most = 0;
            long deadline = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < deadline && most <= 3) {
                most = Math.max(most, (int) Threads.live().stream()
                        .filter(t -> !before.contains(t) && t.isAlive()).count());
                Thread.sleep(20);
            }
            Check.that(most <= 3, RESOURCES, "with 2 workers and 8 clients connected the server ran " + most
                    + " threads: at most one acceptor and 2 workers, however many clients");
        } finally {
            for (Socket c : clients) {
                c.close();
            }
        }
    }

    @Test
    @DisplayName("100 clients connected to 1 worker: at most 64 connections queued (the rest wait in the kernel's backlog)")
    @Checks(rules = {"R3"}, verdicts = {RESOURCES}, bound = "2 s for the 100 clients to connect, all at once; then until no client is accepted for 0.4 s, at most 1 s")
    void boundedQueue() throws Exception {
        List<SocketChannel> clients = new ArrayList<>();
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 1)) {
            int baseline = Sockets.open();
            // All at once, for 2 s: a connection the full backlog dropped is retried by the kernel
            // after 1 s, so an acceptor that queues without bound but lagged for a moment still
            // takes the late ones in. One client after another cost 2 s more (the first that
            // found the backlog full waited out its whole timeout).
            clients.addAll(connectAtOnce(s.port(), 100, Duration.ofSeconds(2)));
            // One client is being served (the worker blocks reading it), one may be in the
            // acceptor's hand, the rest queued: never more than 64 + 2 accepted.
            int accepted = awaitAccepted(baseline, clients.size(), 66 + 1, Duration.ofSeconds(1), Duration.ofMillis(400));
            Check.that(accepted <= 66, RESOURCES, "with its one worker busy, the server accepted " + accepted + " of "
                    + clients.size() + " waiting clients: queue at most 64 (a bounded queue; the kernel's backlog holds the rest)");
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
        }
    }

    /**
     * Starts {@code n} non-blocking connects to {@code port} and waits up to {@code window} for them;
     * returns the connected channels and closes the others (still waiting in a full backlog, or refused).
     */
    static List<SocketChannel> connectAtOnce(int port, int n, Duration window) throws java.io.IOException {
        List<SocketChannel> connected = new ArrayList<>();
        List<SocketChannel> all = new ArrayList<>();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (Selector selector = Selector.open()) {
            int pending = 0;
            for (int i = 0; i < n; i++) {
                SocketChannel c = SocketChannel.open();
                all.add(c);
                c.configureBlocking(false);
                if (c.connect(address)) {
                    connected.add(c);
                } else {
                    c.register(selector, SelectionKey.OP_CONNECT);
                    pending++;
                }
            }
            long deadline = System.nanoTime() + window.toNanos();
            while (pending > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                selector.select(left);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel c = (SocketChannel) key.channel();
                    key.cancel();
                    pending--;
                    try {
                        if (c.finishConnect()) {
                            connected.add(c);
                        }
                    } catch (java.io.IOException refused) {
                        // not connected: closed below
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (SocketChannel c : all) {
                if (!connected.contains(c)) {
                    c.close();
                }
            }
        }
        return connected;
    }

    @Test
    @DisplayName("close() with one client served and one queued closes both connections and returns")
    @Checks(rules = {"R4"}, verdicts = {HANG, RESOURCES}, bound = "5 s for close(); 2 s for each client to see the end")
    void closeClosesServedAndQueued() throws Exception {
        PrethreadedEchoServer s = new PrethreadedEchoServer(0, 1);
        List<Socket> clients = new ArrayList<>();
        try {
            int baseline = Sockets.open();
            clients.add(connect(s.port()));
            clients.add(connect(s.port()));
            awaitAccepted(baseline, 2, 2, Duration.ofSeconds(2));
            Await.call("close", Duration.ofSeconds(5), () -> {
                s.close();
                return null;
            });
            for (Socket c : clients) {
                String who = c == clients.get(0) ? "the served client" : "the queued client";
                c.setSoTimeout(2000);
                try {
                    InputStream in = c.getInputStream();
                    while (in.read() >= 0) {
                        // nothing was sent, so nothing comes back but the end
                    }
                } catch (SocketTimeoutException e) {
                    throw new racecourse.grader.harness.VerdictFailure(RESOURCES, who + "'s connection was still open 2 s after close() returned");
                } catch (java.io.IOException e) {
                    // reset: closed too
                }
            }
        } finally {
            for (Socket c : clients) {
                c.close();
            }
            s.close();
        }
    }

    static Socket connect(int port) throws java.io.IOException {
        return connect(port, 2000);
    }

    static Socket connect(int port, int timeoutMillis) throws java.io.IOException {
        Socket c = new Socket();
        try {
            c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
        } catch (java.io.IOException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * How many of our clients the server has accepted: each accepted connection is one more socket
     * in this JVM beyond {@code baseline} and our own {@code clients}. Waits until {@code enough} or
     * {@code timeout}; the most seen.
     */
    static int awaitAccepted(int baseline, int clients, int enough, Duration timeout) throws Exception {
        return awaitAccepted(baseline, clients, enough, timeout, timeout);
    }

    /**
     * As above, but also done once no client has been accepted for {@code quiet}: an acceptor that
     * queues without bound takes the waiting clients in well under 0.4 s.
     */
    static int awaitAccepted(int baseline, int clients, int enough, Duration timeout, Duration quiet) throws Exception {
        int most = 0;
        long now = System.nanoTime();
        long deadline = now + timeout.toNanos();
        long grewAt = now;
        while (now < deadline && most < enough && now - grewAt < quiet.toNanos()) {
            int seen = Sockets.open() - baseline - clients;
            if (seen > most) {
                most = seen;
                grewAt = now;
            }
            Thread.sleep(20);
            now = System.nanoTime();
        }
        return most;
    }
}
