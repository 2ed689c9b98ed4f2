package racecourse.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.server.queue.GraderGrading;
import racecourse.server.queue.JobQueue;
import racecourse.server.queue.Workers;
import racecourse.server.store.BlobStore;
import racecourse.server.store.Database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code racecourse worker}: more grading threads, in their own process, on the service's database. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Grade submissions from the service's queue: claims jobs from --db, grades them in sandboxed child JVMs, records each result once. Run as many as the machines allow; a worker that dies has its job taken over when its lease ends.")
public final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "URL", description = "The service's database (as `serve --db`).")
    String db;

    @Option(names = "--data", paramLabel = "DIR", description = "Where this worker keeps the files it grades (default: ${DEFAULT-VALUE}); the server's own data folder works too. The files come from the database when they are not there.")
    Path data = Path.of("racecourse-data");

    @Option(names = "--threads", paramLabel = "N", description = "Grading threads (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--lease", paramLabel = "SECONDS", description = "Lease of a job (default: ${DEFAULT-VALUE}).")
    double lease = 60;

    @Override
    public Integer call() throws Exception {
        Database database = Database.open(db);
        Workers workers = new Workers(new JobQueue(database), new BlobStore(data.resolve("blobs")),
                new GraderGrading(GraderGrading.homeOrNull(), 1), Duration.ofMillis((long) (lease * 1000)),
                Duration.ofSeconds(1), Workers.processName("worker")).start(threads);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                workers.close();
                database.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("racecourse worker: grading from " + database.redacted() + " with " + threads + " threads");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
