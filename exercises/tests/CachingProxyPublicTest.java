package exercises.tests;

import exercises.CachingProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import racecourse.grader.harness.Await;
import racecourse.grader.harness.Check;
import racecourse.grader.harness.Checks;
import racecourse.grader.harness.LineClient;
import racecourse.grader.harness.Sockets;
import racecourse.grader.harness.Stress;
import racecourse.grader.harness.Threads;
import racecourse.grader.harness.VerdictFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static racecourse.results.Verdict.FUNCTIONAL;
import static racecourse.results.Verdict.HANG;
import static racecourse.results.Verdict.RACE;
import static racecourse.results.Verdict.RESOURCES;
import static racecourse.results.Verdict.SERIALIZED;

/** Public tests of CachingProxy (the grader also runs hidden ones). */
// Counts the whole process's threads and sockets, so no other test may run beside it.
@Isolated
public class CachingProxyPublicTest {
    /** The name every thread of the test's origin has: such threads are not the proxy's. */
    public static final String ORIGIN_THREAD = "test-origin";

    /**
     * The origin server the tests give the proxy, on 127.0.0.1: a thread per connection reads one
     * request line and answers {@link #response}. It counts requests (per key, in all, and how many
     * it is answering at once), and can hold a key's answer until released, fail it (close without
     * answering) or never answer it (until closed). Public: the hidden tests use it too.
     */
    public static final class Origin implements AutoCloseable {
        private final ServerSocket server;
        private final Thread acceptor;
        private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
        private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        public final AtomicInteger inFlight = new AtomicInteger();
        public final AtomicInteger most = new AtomicInteger();
        private final Set<String> held = ConcurrentHashMap.newKeySet();
        private final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final Set<String> silent = ConcurrentHashMap.newKeySet();
        private volatile boolean holdAll;
        private volatile CountDownLatch release = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);

        public Origin() throws IOException {
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().name(ORIGIN_THREAD + "-acceptor").daemon().start(this::accept);
        }

        public int port() {
            return server.getLocalPort();
        }

        /** What the origin answers to {@code request}. */
        public static String response(String request) {
            return "origin's answer to " + request + " ✓";
        }

        /** Holds the answers to these keys until {@link #release()}. */
        public void hold(String... keys) {
            held.addAll(List.of(keys));
        }

        /** Holds every answer until {@link #release()}. */
        public void holdAll() {
            holdAll = true;
        }

        /** Answers what is held, and holds nothing more. */
        public void release() {
            holdAll = false;
            held.clear();
            release.countDown();
            release = new CountDownLatch(1);
        }

        /** Closes the connection of a request for one of these keys without answering. */
        public void fail(String... keys) {
            failing.addAll(List.of(keys));
        }

        /** Never answers these keys (until the origin is closed, or the proxy closes the connection). */
        public void silence(String... keys) {
            silent.addAll(List.of(keys));
        }

        public int requests(String key) {
            AtomicInteger n = requests.get(key);
            return n == null ? 0 : n.get();
        }

        public int total() {
            return requests.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        /** Waits until {@code key} has been requested {@code times} times in all; false after {@code timeout}. */
        public boolean awaitRequests(String key, int times, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (requests(key) < times) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }

        /** Waits until {@code n} requests are being answered at once; false after {@code timeout}. */
        public boolean awaitInFlight(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (inFlight.get() < n) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }

        private void accept() {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                connections.add(s);
                threads.add(Thread.ofPlatform().name(ORIGIN_THREAD + "-connection").daemon().start(() -> answer(s)));
            }
        }

        private void answer(Socket s) {
            try (s) {
                s.setSoTimeout(10_000);
                String key = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (key == null) {
                    return;
                }
                requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    if (silent.contains(key)) {
                        // Until the origin closes, or the proxy closes the connection.
                        Thread.ofPlatform().name(ORIGIN_THREAD + "-eof").daemon().start(() -> {
                            try {
                                while (s.getInputStream().read() >= 0) {
                                    // the proxy sends nothing more
                                }
                            } catch (IOException e) {
                                // closed
                            }
                            closeQuietly(s);
                        });
                        while (!s.isClosed() && !closed.await(10, TimeUnit.MILLISECONDS)) {
                            // wait
                        }
                        return;
                    }
                    CountDownLatch gate = release;
                    if (holdAll || held.contains(key)) {
                        gate.await(10, TimeUnit.SECONDS);
                    }
                    if (failing.contains(key)) {
                        return;
                    }
                    Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
                    out.write(response(key) + "\n");
                    out.flush();
                } finally {
                    inFlight.decrementAndGet();
                }
            } catch (IOException | InterruptedException e) {
                // the proxy went away, or the origin is closing
            } finally {
                connections.remove(s);
            }
        }

        @Override
        public void close() throws Exception {
            closed.countDown();
            release.countDown();
            server.close();
            for (Socket s : connections) {
                closeQuietly(s);
            }
            acceptor.join(2000);
            for (Thread t : threads) {
                t.join(2000);
            }
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** The proxy's threads now: those started since {@code before}, without the test's own. */
    public static List<Thread> proxyThreads(Set<Thread> before) {
        return Threads.live().stream().filter(t -> !before.contains(t) && t.isAlive()
                && !t.getName().startsWith(ORIGIN_THREAD) && !t.getName().equals("close")
                && !t.getName().startsWith("client-")).toList();
    }

    /** Sends {@code line} and reads the reply, a {@code hang} if none comes within the client's timeout. */
    public static String ask(LineClient c, String line) throws Exception {
        try {
            return c.echo(line);
        } catch (SocketTimeoutException e) {
            throw new VerdictFailure(HANG, "no reply to \"" + line + "\" within the client's read timeout");
        }
    }

    /** The next reply, a {@code hang} if none comes within the client's timeout. */
    public static String reply(LineClient c, String what) throws Exception {
        try {
            String line = c.readLine();
            Check.that(line != null, FUNCTIONAL, "the proxy closed the connection instead of replying to " + what);
            return line;
        } catch (SocketTimeoutException e) {
            throw new VerdictFailure(HANG, "no reply to " + what + " within the client's read timeout");
        }
    }

    /** Closes {@code p} from a thread named "close", waiting at most {@code bound}. */
    public static void close(CachingProxy p, Duration bound) throws Exception {
        Await.call("close", bound, () -> {
            p.close();
            return null;
        });
    }

    /** Whether the client's connection ends (end of stream or reset) within {@code millis}. */
    public static boolean ends(Socket c, int millis) throws IOException {
        c.setSoTimeout(millis);
        try {
            InputStream in = c.getInputStream();
            while (in.read() >= 0) {
                // a reply that was on its way, then the end
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    @DisplayName("a miss is fetched from the origin and a hit is not; replies come in order; listens on 127.0.0.1 only")
    @Checks(rules = {"R1", "R2"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s per reply")
    void missThenHit() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 4);
             LineClient c = new LineClient(p.port(), 3000)) {
            List<String> addresses = Sockets.listening(p.port());
            Check.that(!addresses.isEmpty() && addresses.stream().allMatch(Sockets::isLoopback), FUNCTIONAL,
                    "port " + p.port() + " listens on " + addresses + " (as /proc/net/tcp writes them): bind 127.0.0.1 only");
            for (String key : new String[] {"/index.html", "héllo wörld", "/index.html", "héllo wörld"}) {
                Check.equal(Origin.response(key), ask(c, key), FUNCTIONAL, "the reply to \"" + key + "\"");
            }
            Check.equal(1, o.requests("/index.html"), FUNCTIONAL, "requests the origin got for \"/index.html\", "
                    + "asked twice (the second time it is cached)");
            c.send("a\nb\na\n");
            for (String key : new String[] {"a", "b", "a"}) {
                Check.equal(Origin.response(key), reply(c, "\"" + key + "\""), FUNCTIONAL,
                        "the replies to three requests sent at once, in their order");
            }
            try (LineClient other = new LineClient(p.port(), 3000)) {
                Check.equal(Origin.response("b"), ask(other, "b"), FUNCTIONAL, "another client's reply to \"b\"");
            }
            Check.equal(1, o.requests("b"), FUNCTIONAL, "requests the origin got for \"b\", asked by two clients one after the other");
        }
    }

    @Test
    @DisplayName("bad arguments are an IllegalArgumentException")
    @Checks(rules = {"R1"}, verdicts = {FUNCTIONAL}, bound = "none (no waiting)")
    void badArguments() throws Exception {
        int[][] bad = {{0, 4, 2}, {65536, 4, 2}, {8080, 0, 2}, {8080, 4, 0}, {8080, -1, -1}};
        for (int[] b : bad) {
            String call = "new CachingProxy(" + b[0] + ", " + b[1] + ", " + b[2] + ")";
            try (CachingProxy p = new CachingProxy(b[0], b[1], b[2])) {
                throw new VerdictFailure(FUNCTIONAL, call + " did not throw IllegalArgumentException");
            } catch (IllegalArgumentException expected) {
                // right
            }
        }
    }

    @Test
    @DisplayName("an origin that fails gives an ERROR line, nothing is cached, and the connection goes on")
    @Checks(rules = {"R3"}, verdicts = {FUNCTIONAL, HANG}, bound = "3 s per reply")
    void originFailure() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 4);
             LineClient c = new LineClient(p.port(), 3000)) {
            o.fail("/broken");
            for (int i = 1; i <= 2; i++) {
                String got = ask(c, "/broken");
                Check.that(got.startsWith("ERROR"), FUNCTIONAL, "the origin closed the connection without answering "
                        + "\"/broken\", and the proxy replied \"" + got + "\": it must reply a line starting with ERROR");
                Check.equal(i, o.requests("/broken"), FUNCTIONAL, "requests the origin got for \"/broken\" after " + i
                        + " requests (a failure is not cached: each request tries again)");
            }
            Check.equal(Origin.response("/fine"), ask(c, "/fine"), FUNCTIONAL, "the reply to \"/fine\" after a failure, same connection");
        }
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        try (CachingProxy p = new CachingProxy(closedPort, 8, 4); LineClient c = new LineClient(p.port(), 3000)) {
            for (int i = 0; i < 2; i++) {
                String got = ask(c, "/nobody");
                Check.that(got.startsWith("ERROR"), FUNCTIONAL, "with no origin listening the proxy replied \"" + got
                        + "\": it must reply a line starting with ERROR and go on");
            }
        }
    }

    @Test
    @DisplayName("while one fetch waits on a slow origin, a hit and another key's fetch are served")
    @Checks(rules = {"R5"}, verdicts = {FUNCTIONAL, HANG, SERIALIZED}, bound = "2 s for the slow fetch to reach the origin; 2 s for the hit and for the other fetch")
    void slowFetchBlocksNobody() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 4);
             LineClient warm = new LineClient(p.port(), 3000);
             LineClient slow = new LineClient(p.port(), 3000);
             LineClient hit = new LineClient(p.port(), 2000);
             LineClient miss = new LineClient(p.port(), 2000)) {
            Check.equal(Origin.response("/hot"), ask(warm, "/hot"), FUNCTIONAL, "the reply to \"/hot\"");
            o.hold("/slow");
            slow.send("/slow\n");
            Check.that(o.awaitRequests("/slow", 1, Duration.ofSeconds(2)), HANG, "the request for \"/slow\" did not reach the origin within 2 s");
            try {
                Check.equal(Origin.response("/hot"), hit.echo("/hot"), FUNCTIONAL, "the hit's reply while \"/slow\" is fetched");
            } catch (SocketTimeoutException e) {
                throw new VerdictFailure(SERIALIZED, "a hit (\"/hot\", cached) got no reply in 2 s while another client's "
                        + "fetch of \"/slow\" waited on the origin: a hit must not wait for a fetch (do not hold the cache's lock while fetching)");
            }
            try {
                Check.equal(Origin.response("/other"), miss.echo("/other"), FUNCTIONAL, "the reply to \"/other\" while \"/slow\" is fetched");
            } catch (SocketTimeoutException e) {
                throw new VerdictFailure(SERIALIZED, "a miss of \"/other\" got no reply in 2 s while another client's fetch "
                        + "of \"/slow\" waited on the origin: fetches of different keys must run at the same time");
            } finally {
                o.release();
            }
            Check.equal(Origin.response("/slow"), reply(slow, "\"/slow\""), FUNCTIONAL, "the reply to \"/slow\" once the origin answered");
        }
    }

    @Test
    @DisplayName("concurrent misses of one key make one fetch, and every client gets its response")
    @Checks(rules = {"R6"}, verdicts = {FUNCTIONAL, HANG, RACE}, bound = "2 s for the first fetch to reach the origin; 1 s watching for a second; 3 s per reply")
    void oneFetchPerKey() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 4)) {
            o.hold("/popular");
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(new LineClient(p.port(), 3000));
                }
                clients.get(0).send("/popular\n");
                Check.that(o.awaitRequests("/popular", 1, Duration.ofSeconds(2)), HANG, "the request for \"/popular\" did not reach the origin within 2 s");
                clients.get(1).send("/popular\n");
                clients.get(2).send("/popular\n");
                boolean second = o.awaitRequests("/popular", 2, Duration.ofSeconds(1));
                o.release();
                Check.that(!second, RACE, "three clients missed \"/popular\" at once and the origin got " + o.requests("/popular")
                        + " requests for it while the first fetch was in progress: the others must wait for that fetch "
                        + "(check and mark the key as being fetched in one atomic step)");
                for (int i = 0; i < 3; i++) {
                    Check.equal(Origin.response("/popular"), reply(clients.get(i), "client " + i + "'s \"/popular\""), FUNCTIONAL,
                            "client " + i + "'s reply to \"/popular\"");
                }
                Check.equal(1, o.requests("/popular"), RACE, "requests the origin got for \"/popular\"");
            } finally {
                for (LineClient c : clients) {
                    c.close();
                }
            }
        }
    }

    @Test
    @DisplayName("at most maxClients clients are served at once, and maxClients are")
    @Checks(rules = {"R7"}, verdicts = {FUNCTIONAL, HANG, RESOURCES, SERIALIZED}, bound = "2 s for 2 fetches to reach the origin, then 0.5 s; 5 s per reply")
    void clientBound() throws Exception {
        try (Origin o = new Origin(); CachingProxy p = new CachingProxy(o.port(), 8, 2)) {
            o.holdAll();
            List<FutureTask<String>> asks = new ArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String key = "/page" + i;
                FutureTask<String> ask = new FutureTask<>(() -> {
                    try (LineClient c = new LineClient(p.port(), 5000)) {
                        return ask(c, key);  // then leaves, which frees its place for a waiting client
                    }
                });
                asks.add(ask);
                clients.add(Thread.ofPlatform().name("client-" + i).daemon().start(ask));
            }
            try {
                boolean two = o.awaitInFlight(2, Duration.ofSeconds(2));
                int seen = o.inFlight.get();
                Check.that(two || seen > 0, HANG, "4 clients each sent a request and none reached the origin within 2 s");
                Check.that(two, SERIALIZED, "with maxClients 2 and 4 clients, only " + seen + " request reached the origin "
                        + "at once in 2 s: up to maxClients clients must be served at the same time");
                Stress.pause(500);
                Check.that(o.most.get() <= 2, RESOURCES, o.most.get() + " clients were served at once with maxClients 2 "
                        + "(their requests were at the origin at the same time): the others must wait");
            } finally {
                o.release();
            }
            for (int i = 0; i < 4; i++) {
                String got;
                try {
                    got = asks.get(i).get(8, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw Stress.asVerdict(e.getCause(), FUNCTIONAL, "client-" + i);
                } catch (java.util.concurrent.TimeoutException e) {
                    clients.get(i).interrupt();
                    throw new VerdictFailure(HANG, "client " + i + " got no reply within 8 s though the origin answered "
                            + "and the clients before it left");
                }
                Check.equal(Origin.response("/page" + i), got, FUNCTIONAL, "client " + i + "'s reply");
            }
            Check.that(o.most.get() <= 2, RESOURCES, o.most.get() + " clients were served at once with maxClients 2");
        }
    }

    @Test
    @DisplayName("close() with a fetch waiting on a silent origin ends every thread, closes the clients and frees the port; a second close() does nothing")
    @Checks(rules = {"R8"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "2 s per close(); 1 s for the threads to end and for each client to see the end")
    void closeStopsEverything() throws Exception {
        try (Origin o = new Origin()) {
            Set<Thread> before = Threads.live();
            CachingProxy p = new CachingProxy(o.port(), 8, 4);
            int port = p.port();
            try (LineClient idle = new LineClient(port, 3000);
                 LineClient fetching = new LineClient(port, 3000);
                 LineClient waiting = new LineClient(port, 3000)) {
                Check.equal(Origin.response("/x"), ask(idle, "/x"), FUNCTIONAL, "the reply to \"/x\"");
                o.silence("/never");
                fetching.send("/never\n");
                Check.that(o.awaitRequests("/never", 1, Duration.ofSeconds(2)), HANG, "the request for \"/never\" did not reach the origin within 2 s");
                waiting.send("/never\n");
                Stress.pause(100);     // lets the second request reach the proxy, most likely
                close(p, Duration.ofSeconds(2));
                List<Thread> left = Threads.aliveAfter(proxyThreads(before), Duration.ofSeconds(1));
                Check.that(left.isEmpty(), RESOURCES, left.size() + " threads of the proxy were still alive 1 s after close() "
                        + "returned, with a fetch waiting on an origin that never answers: " + left
                        + " (close the origin connections too, and wake the clients waiting for that fetch)");
                for (LineClient c : List.of(idle, fetching, waiting)) {
                    String who = c == idle ? "an idle client" : c == fetching ? "the client whose fetch was waiting" : "the client waiting for that fetch";
                    Check.that(ends(c.socket(), 1000), RESOURCES, who + "'s connection was still open 1 s after close() returned");
                }
                boolean refused;
                try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    refused = false;
                } catch (IOException e) {
                    refused = true;
                }
                Check.that(refused, RESOURCES, "the port still accepted connections after close()");
                close(p, Duration.ofSeconds(2));
            } finally {
                p.close();
            }
        }
    }

    @Test
    @DisplayName("close() called from an interrupted thread still ends everything, and keeps the interrupt status")
    @Checks(rules = {"R9"}, verdicts = {FUNCTIONAL, HANG, RESOURCES}, bound = "2 s; 1 s for the threads to end")
    void closeWhenInterrupted() throws Exception {
        try (Origin o = new Origin()) {
            Set<Thread> before = Threads.live();
            CachingProxy p = new CachingProxy(o.port(), 8, 4);
            try (LineClient c = new LineClient(p.port(), 3000)) {
                Check.equal(Origin.response("/x"), ask(c, "/x"), FUNCTIONAL, "the reply to \"/x\"");
                boolean stillInterrupted = Await.call("close", Duration.ofSeconds(2), () -> {
                    Thread.currentThread().interrupt();
                    p.close();
                    return Thread.interrupted();
                });
                List<Thread> left = Threads.aliveAfter(proxyThreads(before), Duration.ofSeconds(1));
                Check.that(left.isEmpty(), RESOURCES, left.size() + " threads of the proxy were still alive 1 s after close(), "
                        + "called from an interrupted thread, returned: " + left + " (an interrupt must not cut close() short)");
                Check.that(stillInterrupted, FUNCTIONAL, "close() cleared the calling thread's interrupt status: if you catch "
                        + "InterruptedException while waiting for your threads, keep waiting and set it again at the end");
            } finally {
                p.close();
            }
        }
    }
}
