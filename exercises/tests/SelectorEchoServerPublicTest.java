package exercises.tests;

import exercises.SelectorEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Sockets;
import racecourse.grader.harness.VerdictFailure;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of SelectorEchoServer (the grader also runs hidden ones). */
// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
class SelectorEchoServerPublicTest {
    @Test
    @DisplayName("echoes bytes back, one client; listens on 127.0.0.1 only")
    @Checks(rules = {"R1", "R3"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s per echo")
    void echoes() throws Exception {
        try (SelectorEchoServer s = new SelectorEchoServer(0); LineClient c = new LineClient(s.port(), 3000)) {
            java.util.List<String> addresses = Sockets.listening(s.port());
            Check.that(!addresses.isEmpty() && addresses.stream().allMatch(Sockets::isLoopback), FUNCTIONAL,
                    "port " + s.port() + " listens on " + addresses + " (as /proc/net/tcp writes them): bind 127.0.0.1 only");
            for (String line : new String[] {"hello", "héllo wörld ✓", "last"}) {
                try {
                    Check.equal(line, c.echo(line), FUNCTIONAL, "the echo of \"" + line + "\"");
                } catch (SocketTimeoutException e) {
                    throw new VerdictFailure(HANG, "no echo of \"" + line + "\" within 3 s");
                }
            }
        }
    }

    @Test
    @DisplayName("serves a second client while the first stays connected")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG, SERIALIZED}, bound = "3 s per echo; the second client 2 s")
    void twoClientsAtOnce() throws Exception {
        try (SelectorEchoServer s = new SelectorEchoServer(0);
             LineClient a = new LineClient(s.port(), 3000);
             LineClient b = new LineClient(s.port(), 2000)) {
            Check.equal("a", a.echo("a"), FUNCTIONAL, "the first client's echo");
            try {
                Check.equal("b", b.echo("b"), FUNCTIONAL, "the second client's echo");
            } catch (SocketTimeoutException e) {
                throw new VerdictFailure(SERIALIZED, "a second client got no echo in 2 s while the first one stayed "
                        + "connected: the serving thread blocks on one client");
            }
            Check.equal("a2", a.echo("a2"), FUNCTIONAL, "the first client's second echo");
        }
    }

    @Test
    @DisplayName("one serving thread, ended by close(), which frees the port; a second close() does nothing")
    @Checks(rules = {"R2", "R5"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "3 s per echo; 5 s per close()")
    void closeStopsTheThread() throws Exception {
        for (int round = 0; round < 3; round++) {
            Set<Thread> before = Threads.live();
            SelectorEchoServer s = new SelectorEchoServer(0);
            int port = s.port();
            long started = Threads.live().stream().filter(t -> !before.contains(t) && t.isAlive()).count();
            Check.that(started <= 1, RESOURCES, "the server started " + started + " threads instead of one");
            Check.that(started == 1, FUNCTIONAL, "the constructor started no serving thread");
            try (LineClient c = new LineClient(port, 3000)) {
                Check.equal("x", c.echo("x"), FUNCTIONAL, "an echo");
            }
            // The client has gone, so even a server that serves one client at a time can close.
            Await.call("close", Duration.ofSeconds(5), () -> {
                s.close();
                return null;
            });
            long left = Threads.live().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("close")).count();
            Check.that(left == 0, RESOURCES, left + " threads of the server were still alive after close() returned");
            boolean refused;
            try (java.net.Socket probe = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                refused = false;
            } catch (java.io.IOException e) {
                refused = true;
            }
            Check.that(refused, RESOURCES, "the port still accepted connections after close()");
            Await.call("close", Duration.ofSeconds(5), () -> {
                s.close();
                return null;
            });
        }
    }

    @Test
    @DisplayName("close() called from an interrupted thread still ends the serving thread, and keeps the interrupt status")
    @Checks(rules = {"R6"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s")
    void closeWhenInterrupted() throws Exception {
        Set<Thread> before = Threads.live();
        SelectorEchoServer s = new SelectorEchoServer(0);
        try (LineClient c = new LineClient(s.port(), 3000)) {
            try {
                Check.equal("x", c.echo("x"), FUNCTIONAL, "an echo");
            } catch (SocketTimeoutException e) {
                throw new VerdictFailure(HANG, "no echo of \"x\" within 3 s");
            }
        }
        boolean stillInterrupted = Await.call("close", Duration.ofSeconds(5), () -> {
            Thread.currentThread().interrupt();
            s.close();
            return Thread.interrupted();
        });
        java.util.List<Thread> left = Threads.live().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("close")).toList();
        Check.that(left.isEmpty(), RESOURCES, "the serving thread was still alive after close(), called from an interrupted "
                + "thread, returned: " + left + " (an interrupt must not cut close() short)");
        Check.that(stillInterrupted, FUNCTIONAL, "close() cleared the calling thread's interrupt status: if you catch "
                + "InterruptedException while waiting for the serving thread, keep waiting and set it again at the end");
    }
}
