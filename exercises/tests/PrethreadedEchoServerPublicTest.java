package exercises.tests;

import exercises.PrethreadedEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.LineClient;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;

import static racecourse.grader.harness.Verdict.FUNCTIONAL;
import static racecourse.grader.harness.Verdict.RESOURCES;
import static racecourse.grader.harness.Verdict.SERIALIZED;

/** Public tests of PrethreadedEchoServer (the grader also runs hidden ones). */
class PrethreadedEchoServerPublicTest {
    @Test
    @DisplayName("echoes UTF-8 lines back, one client")
    void echoes() throws Exception {
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 2); LineClient c = new LineClient(s.port(), 3000)) {
            for (String line : new String[] {"hello", "héllo wörld ✓", "", "last"}) {
                Check.equal(line, echo(c, line), FUNCTIONAL, "the echo of \"" + line + "\"");
            }
        }
    }

    @Test
    @DisplayName("two workers serve two clients at the same time")
    void twoClientsAtOnce() throws Exception {
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 2);
             LineClient a = new LineClient(s.port(), 3000);
             LineClient b = new LineClient(s.port(), 2000)) {
            Check.equal("a", echo(a, "a"), FUNCTIONAL, "the first client's echo");
            try {
                Check.equal("b", b.echo("b"), FUNCTIONAL, "the second client's echo");
            } catch (SocketTimeoutException e) {
                throw new racecourse.grader.harness.VerdictFailure(SERIALIZED, "with 2 workers, a second client got no "
                        + "echo in 2 s while the first one stayed connected: clients are served one at a time");
            }
            Check.equal("a2", echo(a, "a2"), FUNCTIONAL, "the first client's second echo");
        }
    }

    @Test
    @DisplayName("close() ends the acceptor and every worker, and frees the port")
    void closeStopsThreads() throws Exception {
        for (int round = 0; round < 3; round++) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            PrethreadedEchoServer s = new PrethreadedEchoServer(0, 3);
            int port = s.port();
            try (LineClient c = new LineClient(port, 3000)) {
                Check.equal("x", echo(c, "x"), FUNCTIONAL, "an echo");
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

    static String echo(LineClient c, String line) throws Exception {
        try {
            return c.echo(line);
        } catch (SocketTimeoutException e) {
            throw new racecourse.grader.harness.VerdictFailure(racecourse.grader.harness.Verdict.HANG,
                    "no echo of \"" + line + "\" within the read timeout");
        }
    }
}
