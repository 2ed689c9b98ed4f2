package exercises.tests;

import exercises.SelectorEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.VerdictFailure;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.HANG;
import static racecourse.grader.harness.Verdict.RESOURCES;
import static racecourse.grader.harness.Verdict.SERIALIZED;

/** Public tests of SelectorEchoServer (the grader also runs hidden ones). */
class SelectorEchoServerPublicTest {
    @Test
    @DisplayName("echoes bytes back, one client")
    void echoes() throws Exception {
        try (SelectorEchoServer s = new SelectorEchoServer(0); LineClient c = new LineClient(s.port(), 3000)) {
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
    @DisplayName("one serving thread, ended by close(), which frees the port")
    void closeStopsTheThread() throws Exception {
        for (int round = 0; round < 3; round++) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            SelectorEchoServer s = new SelectorEchoServer(0);
            int port = s.port();
            long started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive()).count();
            Check.that(started == 1, FUNCTIONAL, "the server started " + started + " threads instead of one");
            try (LineClient c = new LineClient(port, 3000)) {
                Check.equal("x", c.echo("x"), FUNCTIONAL, "an echo");
            }
            // The client has gone, so even a server that serves one client at a time can close.
            Await.call("close", Duration.ofSeconds(5), () -> {
                s.close();
                return null;
            });
            long left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("close")).count();
            Check.that(left == 0, RESOURCES, left + " threads of the server were still alive after close() returned");
            boolean refused;
            try (java.net.Socket probe = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                refused = false;
            } catch (java.io.IOException e) {
                refused = true;
            }
            Check.that(refused, RESOURCES, "the port still accepted connections after close()");
        }
    }
}
