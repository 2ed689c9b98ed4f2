package racecourse.instructor.suites;

import exercises.CachingProxy;
import exercises.tests.CachingProxyPublicTest.Origin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.Threads;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static exercises.tests.CachingProxyPublicTest.ask;
import static exercises.tests.CachingProxyPublicTest.proxyThreads;
import static exercises.tests.CachingProxyPublicTest.reply;
import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.RESOURCES;

// Counts the whole process's threads, so no other test may run beside it.
@Isolated
class CachingProxyHiddenTest {
    @Test
    @DisplayName("the cache holds at most maxEntries responses, and a key it has room for is not fetched again")
    @Checks(rules = {"R4"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "3 s per reply")
    void sizeBound() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 4, 2);
             LineClient c = new LineClient(p.port(), 3000)) {
            for (int pass = 0; pass < 2; pass++) {
                for (String key : new String[] {"/a", "/b", "/c", "/d"}) {
                    Check.equal(Origin.response(key), ask(c, key), FUNCTIONAL, "the reply to \"" + key + "\"");
                }
            }
            Check.equal(4, o.total(), FUNCTIONAL, "requests the origin got for 4 keys asked twice each, with maxEntries 4 "
                    + "(the cache has room for all of them)");
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < 20; i++) {
                    String key = "/e" + i;
                    Check.equal(Origin.response(key), ask(c, key), FUNCTIONAL, "the reply to \"" + key + "\"");
                }
            }
            int fetched = o.total() - 4;
            Check.that(fetched >= 36, RESOURCES, "20 keys asked twice in a row made only " + fetched + " requests to the "
                    + "origin with maxEntries 4: at least 36 (at most 4 can still be cached the second time), so the "
                    + "cache holds more than maxEntries responses");
            Check.equal(Origin.response("/last"), ask(c, "/last"), FUNCTIONAL, "the reply to \"/last\"");
            Check.equal(Origin.response("/last"), ask(c, "/last"), FUNCTIONAL, "the reply to \"/last\", again");
            Check.equal(1, o.requests("/last"), FUNCTIONAL, "requests the origin got for \"/last\", asked twice in a row "
                    + "(a response just stored must not be the one evicted)");
        }
    }

    @Test
    @DisplayName("8 clients in perturbed rounds, 30 requests each over 6 keys: every reply right, each key fetched once")
    @Checks(rules = {"R2", "R6"}, verdicts = {FUNCTIONAL, HANG, RACE}, bound = "5 rounds, 10 s each; 5 s per reply")
    void manyClients() throws Exception {
        Stress.rounds(5, round -> {
            try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 8)) {
                AtomicInteger wrong = new AtomicInteger();
                Stress.parallel("client", 8, Duration.ofSeconds(10), RACE, i -> {
                    try (LineClient c = new LineClient(p.port(), 5000)) {
                        for (int k = 0; k < 30; k++) {
                            String key = "/k" + (i * 7 + k * 5) % 6;
                            if (!Origin.response(key).equals(ask(c, key))) {
                                wrong.incrementAndGet();
                            }
                        }
                    }
                });
                int most = o.requests.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
                Check.concurrent(wrong.get() == 0, () -> rightInOneThread(), wrong.get() + " of 240 replies were wrong "
                        + "with 8 clients at once (round " + round + ")");
                Check.concurrent(most <= 1, () -> rightInOneThread(), "a key was fetched " + most + " times by 8 clients "
                        + "asking 6 keys, with room for all of them in the cache (round " + round + "): concurrent misses "
                        + "of one key must make one fetch");
            }
        });
    }

    /** The same requests from one client, unperturbed: right replies and one fetch per key. */
    static boolean rightInOneThread() {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 8);
             LineClient c = new LineClient(p.port(), 5000)) {
            for (int k = 0; k < 30; k++) {
                String key = "/k" + (k * 5) % 6;
                if (!Origin.response(key).equals(c.echo(key))) {
                    return false;
                }
            }
            return o.requests.values().stream().allMatch(n -> n.get() == 1);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @DisplayName("8 clients connected with maxClients 2: the proxy runs at most 4 threads")
    @Checks(rules = {"R7"}, verdicts = {FUNCTIONAL, RESOURCES}, bound = "2 s to connect each client, then 0.5 s watching the threads")
    void threadsBounded() throws Exception {
        try (Origin o = new Origin()) {
            Set<Thread> before = Threads.live();
            List<Socket> clients = new ArrayList<>();
            try (CachingProxy p = new CachingProxy(o.port(), 8, 2)) {
                for (int i = 0; i < 8; i++) {
                    Socket c = new Socket();
                    clients.add(c);
                    c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p.port()), 2000);
                }
                int most = 0;
                long deadline = System.nanoTime() + 500_000_000L;
                while (System.nanoTime() < deadline && most <= 4) {
                    most = Math.max(most, proxyThreads(before).size());
                    Thread.sleep(20);
                }
                Check.that(most <= 4, RESOURCES, "with maxClients 2 and 8 clients connected the proxy ran " + most
                        + " threads: at most maxClients + 2, however many clients connect (no thread per client)");
            } finally {
                for (Socket c : clients) {
                    c.close();
                }
            }
        }
    }

    @Test
    @DisplayName("a failed fetch that others wait for: every one of them gets an ERROR line, and the next request fetches again")
    @Checks(rules = {"R3", "R6"}, verdicts = {FUNCTIONAL, HANG}, bound = "2 s for the fetch to reach the origin; 3 s per reply")
    void failedFetchWithWaiters() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 4)) {
            o.hold("/flaky");
            o.fail("/flaky");
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(new LineClient(p.port(), 3000));
                }
                clients.get(0).send("/flaky\n");
                Check.that(o.awaitRequests("/flaky", 1, Duration.ofSeconds(2)), HANG, "the request for \"/flaky\" did not reach the origin within 2 s");
                clients.get(1).send("/flaky\n");
                clients.get(2).send("/flaky\n");
                Stress.pause(500);     // lets the two requests reach the proxy and wait for the fetch
                o.release();
                for (int i = 0; i < 3; i++) {
                    String got = reply(clients.get(i), "client " + i + "'s \"/flaky\"");
                    Check.that(got.startsWith("ERROR"), FUNCTIONAL, "the fetch of \"/flaky\" failed (the origin closed "
                            + "the connection) and client " + i + " got \"" + got + "\", not a line starting with ERROR");
                }
                int before = o.requests("/flaky");
                Check.that(ask(clients.get(0), "/flaky").startsWith("ERROR"), FUNCTIONAL, "a later request for \"/flaky\" did not get an ERROR line");
                Check.equal(before + 1, o.requests("/flaky"), FUNCTIONAL, "requests the origin got for \"/flaky\" after one "
                        + "more request (a failure is not cached)");
            } finally {
                for (LineClient c : clients) {
                    c.close();
                }
            }
        }
    }
}
