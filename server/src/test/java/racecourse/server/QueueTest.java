package racecourse.server;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racecourse.grader.batch.RosterFile;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.queue.Job;
import racecourse.server.queue.JobQueue;
import racecourse.server.store.Database;
import racecourse.server.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue and the storage under it, against SQLite and PostgreSQL alike. */
class QueueTest {
    @TempDir
    Path dir;
    private Database db;

    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    static List<String> databases() {
        return Databases.kinds();
    }

    private Store store(String kind) throws Exception {
        db = Database.open(Databases.fresh(kind, dir));
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "id,name,email,section\nalice,Alice,a@example.org,1\nbob,Bob,b@example.org,1\n");
        Store store = new Store(db);
        store.enrol(RosterFile.read(roster));
        return store;
    }

    private static Receipt receipt(String id, String student, Instant at) {
        return new Receipt(id, student, at, List.of("SafeCounter"), List.of());
    }

    private static final String SHA = "0".repeat(64);

    @ParameterizedTest
    @MethodSource("databases")
    void storedSubmissionsReadBack(String kind) throws Exception {
        Store store = store(kind);
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        store.add(new Receipt("s1", "alice", t, List.of("SafeCounter", "BoundedBuffer"), List.of("BoundedBuffer")), SHA);
        store.add(receipt("s2", "alice", t.plusSeconds(5)), SHA);
        store.add(receipt("s3", "bob", t.plusSeconds(7)), SHA);
        assertEquals(List.of("s2", "s1"), store.submissionsOf("alice").stream().map(s -> s.receipt().id()).toList());
        var s1 = store.submission("s1").orElseThrow();
        assertEquals(List.of("SafeCounter", "BoundedBuffer"), s1.receipt().exercises());
        assertEquals(List.of("BoundedBuffer"), s1.receipt().lateExercises());
        assertEquals(t, s1.receipt().receivedAt());
        assertEquals(SubmissionStatus.State.QUEUED, s1.state());
        assertEquals(2, store.recent("alice", t.minusSeconds(1)).count());
        assertEquals(t, store.recent("alice", t.minusSeconds(1)).oldest());
        assertEquals(0, store.recent("alice", t.plusSeconds(60)).count());
        String token = store.issueToken("bob");
        assertEquals("bob", store.byToken(token).orElseThrow().id());
        assertTrue(store.byToken(token + "x").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentWorkersClaimEachJobOnce(String kind) throws Exception {
        Store store = store(kind);
        JobQueue queue = new JobQueue(store.database());
        int jobs = 40;
        for (int i = 0; i < jobs; i++) {
            store.add(receipt("job-" + i, i % 2 == 0 ? "alice" : "bob", Instant.now()), SHA);
        }
        ConcurrentHashMap<String, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger doubles = new AtomicInteger();
        int workers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String name = "w" + w;
            done.add(pool.submit(() -> {
                go.await();
                Optional<Job> j;
                while ((j = queue.claim(name, Duration.ofMinutes(5))).isPresent()) {
                    if (claimedBy.putIfAbsent(j.get().submissionId(), name) != null) {
                        doubles.incrementAndGet();
                    }
                    assertEquals(1, j.get().attempt());
                    queue.complete(j.get().submissionId(), name, "{}", 1, 10);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, doubles.get(), "a job was claimed by two workers at once");
        assertEquals(jobs, claimedBy.size());
        assertEquals(java.util.Map.of("done", jobs), store.queueCounts());
        assertTrue(store.all().stream().allMatch(s -> s.state() == SubmissionStatus.State.GRADED));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLapsedLeaseIsTakenOverAndTheResultRecordedOnce(String kind) throws Exception {
        Store store = store(kind);
        JobQueue queue = new JobQueue(store.database());
        store.add(receipt("s1", "alice", Instant.now()), SHA);
        Job first = queue.claim("dead-worker", Duration.ofMillis(300)).orElseThrow();
        assertEquals(1, first.attempt());
        assertTrue(queue.claim("other", Duration.ofMinutes(1)).isEmpty(), "leased: not claimable yet");
        Optional<Job> second = Optional.empty();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
            second = queue.claim("rescuer", Duration.ofMinutes(1));
        }
        assertEquals("s1", second.orElseThrow(() -> new AssertionError("the lapsed lease was not taken over within 10 s")).submissionId());
        assertEquals(2, second.get().attempt());
        assertFalse(queue.renew("s1", "dead-worker", Duration.ofMinutes(1)), "the old owner lost its lease");
        assertTrue(queue.renew("s1", "rescuer", Duration.ofMinutes(1)));
        assertTrue(queue.complete("s1", "rescuer", "{\"by\":\"rescuer\"}", 10, 10));
        // The first worker was only slow, not dead: its late result is refused.
        assertFalse(queue.complete("s1", "dead-worker", "{\"by\":\"dead\"}", 0, 10));
        var s = store.submission("s1").orElseThrow();
        assertEquals("{\"by\":\"rescuer\"}", s.gradingJson());
        assertEquals(10.0, s.score());
        try (var c = store.database().connect(); var st = c.createStatement();
             var r = st.executeQuery("SELECT COUNT(*) FROM results WHERE submission_id = 's1'")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJobThatKeepsKillingWorkersFailsAfterThreeAttempts(String kind) throws Exception {
        Store store = store(kind);
        JobQueue queue = new JobQueue(store.database());
        store.add(receipt("s1", "alice", Instant.now()), SHA);
        for (int attempt = 1; attempt <= JobQueue.MAX_ATTEMPTS; attempt++) {
            Job j = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (j == null && System.nanoTime() < end) {
                j = queue.claim("w" + attempt, Duration.ofMillis(300)).orElse(null);
                if (j == null) {
                    Thread.sleep(100);
                }
            }
            assertEquals(attempt, j == null ? -1 : j.attempt());
        }
        Thread.sleep(400);
        assertTrue(queue.claim("w4", Duration.ofMillis(300)).isEmpty());
        var s = store.submission("s1").orElseThrow();
        assertEquals(SubmissionStatus.State.FAILED, s.state());
        assertTrue(s.error().contains("3 times"), s.error());
        assertNull(s.gradingJson());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStoppingServerHandsItsJobBackAtOnce(String kind) throws Exception {
        CountDownLatch grading = new CountDownLatch(1);
        try (Fixture f = new Fixture(dir, Databases.fresh(kind, dir), racecourse.grader.course.Course.defaults(), 1,
                racecourse.server.upload.UploadLimits.defaults(), (zip, exercises, seed) -> {
                    grading.countDown();
                    Thread.sleep(600_000); // a long grading, ended by the stop
                    throw new AssertionError("not interrupted");
                })) {
            String id = racecourse.server.api.Json.read(f.postZip(f.alice, Fixture.safeCounterZip()).body(), Receipt.class).id();
            assertTrue(grading.await(30, TimeUnit.SECONDS), "grading started");
            f.server.close();
            var s = f.store.submission(id).orElseThrow();
            assertEquals(SubmissionStatus.State.QUEUED, s.state(), "queued again, not left leased");
            try (var c = f.db.connect(); var st = c.createStatement();
                 var r = st.executeQuery("SELECT attempts, lease_owner FROM jobs WHERE submission_id = '" + id + "'")) {
                r.next();
                assertEquals(0, r.getInt(1), "a stop is not an attempt");
                assertNull(r.getString(2));
            }
        }
    }
}
