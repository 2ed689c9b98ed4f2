package exercises.tests;

import exercises.PrethreadedEchoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Sockets;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of PrethreadedEchoServer (the grader also runs hidden ones). */
// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
class PrethreadedEchoServerPublicTest {
    @Test
    @DisplayName("echoes UTF-8 lines back, one client; listens on 127.0.0.1 only")
    @Checks(rules = {"R1", "R2"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s per echo")
    void echoes() throws Exception {
        try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, 2); LineClient c = new LineClient(s.port(), 3000)) {
            java.util.List<String> addresses = Sockets.listening(s.port());
            Check.that(!addresses.isEmpty() && addresses.stream().allMatch(Sockets::isLoopback), FUNCTIONAL,
                    "port " + s.port() + " listens on " + addresses + " (as /proc/net/tcp writes them): bind 127.0.0.1 only");
            for (String line : new String[] {"hello", "héllo wörld ✓", "", "last"}) {
                Check.equal(line, echo(c, line), FUNCTIONAL, "the echo of \"" + line + "\"");
            }
        }
    }

    @Test
    @DisplayName("two workers serve two clients at the same time")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG, SERIALIZED}, bound = "3 s per echo; the second client 2 s")
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
    @DisplayName("close() ends the acceptor and every worker, and frees the port; a second close() does nothing")
    @Checks(rules = {"R4"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s per close()")
    void closeStopsThreads() throws Exception {
        for (int round = 0; round < 3; round++) {
            Set<Thread> before = Threads.live();
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
    @DisplayName("workers < 1 is an IllegalArgumentException")
    @Checks(rules = {"R5"}, verdicts = {FUNCTIONAL}, bound = "none (no waiting)")
    void badWorkers() throws Exception {
        for (int workers : new int[] {0, -1}) {
            try (PrethreadedEchoServer s = new PrethreadedEchoServer(0, workers)) {
                throw new racecourse.grader.harness.VerdictFailure(FUNCTIONAL, "new PrethreadedEchoServer(0, " + workers
                        + ") did not throw IllegalArgumentException");
            } catch (IllegalArgumentException expected) {
                // right
            }
        }
    }

    @Test
    @DisplayName("close() called from an interrupted thread still ends everything, and keeps the interrupt status")
    @Checks(rules = {"R6"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "5 s")
    void closeWhenInterrupted() throws Exception {
        Set<Thread> before = Threads.live();
        PrethreadedEchoServer s = new PrethreadedEchoServer(0, 3);
        try (LineClient c = new LineClient(s.port(), 3000)) {
            Check.equal("x", echo(c, "x"), FUNCTIONAL, "an echo");
        }
        boolean stillInterrupted = Await.call("close", Duration.ofSeconds(5), () -> {
            Thread.currentThread().interrupt();
            s.close();
            return Thread.interrupted();
        });
        java.util.List<Thread> left = Threads.live().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("close")).toList();
        Check.that(left.isEmpty(), RESOURCES, left.size() + " threads of the server were still alive after close(), called "
                + "from an interrupted thread, returned: " + left + " (an interrupt must not cut close() short)");
        Check.that(stillInterrupted, FUNCTIONAL, "close() cleared the calling thread's interrupt status: if you catch "
                + "InterruptedException while waiting for your threads, keep waiting and set it again at the end");
    }

    static String echo(LineClient c, String line) throws Exception {
        try {
            return c.echo(line);
        } catch (SocketTimeoutException e) {
            throw new racecourse.grader.harness.VerdictFailure(racecourse.results.Verdict.HANG,
                    "no echo of \"" + line + "\" within the read timeout");
        }
    }
}
