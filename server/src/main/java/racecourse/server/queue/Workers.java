package racecourse.server.queue;

import racecourse.results.Grading;
import racecourse.results.GradingJson;
import racecourse.server.store.BlobStore;
import racecourse.server.store.Tokens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * N grading threads against the queue, in the server's JVM ({@code serve --workers N}) or their
 * own ({@code racecourse worker}). Each claims a job, grades it with the {@link GradingFunction},
 * renews its lease every third of the lease while it grades, and records the result. An idle
 * worker looks again after {@code poll}, or at once when {@link #wake()} says a job came in.
 */
public final class Workers implements AutoCloseable {
    private final JobQueue queue;
    private final BlobStore blobs;
    private final racecourse.server.store.Store store;
    private final GradingFunction grading;
    private final Duration lease;
    private final Duration poll;
    private final String name;
    private final List<Thread> threads = new ArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService renewals;
    private volatile boolean stopping;

    public Workers(JobQueue queue, BlobStore blobs, GradingFunction grading, Duration lease, Duration poll, String name) {
        this.queue = queue;
        this.store = new racecourse.server.store.Store(queue.database());
        this.blobs = blobs;
        this.grading = grading;
        this.lease = lease;
        this.poll = poll;
        this.name = name;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /** A name unique to this process and thread, as the lease's owner. */
    public static String processName(String prefix) {
        return prefix + "@" + ProcessHandle.current().pid() + "-" + Tokens.newToken().substring(0, 6);
    }

    public Workers start(int n) {
        for (int i = 1; i <= n; i++) {
            String owner = name + "#" + i;
            Thread t = new Thread(() -> loop(owner), owner);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    /** A job came in: an idle worker looks now instead of at its next poll. */
    public void wake() {
        wake.release(threads.size());
    }

    private void loop(String owner) {
        while (!stopping) {
            try {
                Optional<Job> job = queue.claim(owner, lease);
                if (job.isEmpty()) {
                    wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                run(owner, job.get());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The database is away (a restart) or refused: say so, wait, try again.
                System.err.println("racecourse worker " + owner + ": " + e.getMessage() + "; retrying in " + poll.toSeconds() + " s");
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void run(String owner, Job job) throws Exception {
        long renewEvery = Math.max(100, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> {
            try {
                queue.renew(job.submissionId(), owner, lease);
            } catch (Exception e) {
                System.err.println("racecourse worker " + owner + ": could not renew the lease of " + job.submissionId() + ": " + e.getMessage());
            }
        }, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        try {
            Grading g;
            try {
                g = grading.grade(files(job), job.exercises(), seed(job.submissionId()));
            } catch (InterruptedException e) {
                // Stopping (serve or worker ended by a signal): the job goes back at once, not after its lease.
                queue.release(job.submissionId(), owner);
                throw e;
            } catch (Exception e) {
                queue.giveBack(job.submissionId(), owner, job.attempt(), "the grader failed: " + e);
                return;
            }
            queue.complete(job.submissionId(), owner, GradingJson.write(g), g.score(), g.maxScore(),
                    racecourse.server.api.Json.write(racecourse.server.api.HiddenMessages.of(g)));
        } finally {
            renewal.cancel(false);
        }
    }

    /**
     * The job's files: in the data folder, else (a worker on another machine) from the database,
     * copied into this worker's data folder first.
     */
    private java.nio.file.Path files(Job job) throws Exception {
        java.nio.file.Path p = blobs.path(job.blobSha256());
        if (!java.nio.file.Files.isRegularFile(p)) {
            byte[] zip = store.blob(job.blobSha256()).orElseThrow(() -> new java.io.IOException(
                    "the files of " + job.submissionId() + " are neither in " + p.getParent() + " nor in the database"));
            if (!blobs.put(zip).equals(job.blobSha256())) {
                throw new java.io.IOException("the database's copy of " + job.submissionId() + "'s files is damaged");
            }
        }
        return p;
    }

    /** The seed of a submission: from its id, so a grading taken over after a crash replays the same choices. */
    static long seed(String submissionId) {
        return Math.floorMod(ByteBuffer.wrap(Tokens.sha256(submissionId.getBytes(StandardCharsets.UTF_8))).getInt(), 1_000_000);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(35));
        }
        renewals.shutdownNow();
    }
}
