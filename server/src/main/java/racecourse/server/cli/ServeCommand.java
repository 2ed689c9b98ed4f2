package racecourse.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.grader.batch.RosterFile;
import racecourse.grader.course.Course;
import racecourse.grader.course.CourseFile;
import racecourse.server.ServerConfig;
import racecourse.server.SubmissionServer;
import racecourse.server.queue.GraderGrading;
import racecourse.server.store.Database;
import racecourse.server.store.Store;
import racecourse.server.upload.UploadLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code racecourse serve}: the submission service, with N grading threads of its own. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the course's submission service: a JSON API and web pages on --bind, uploads stored durably, a grading queue in the database graded by --workers threads here (and any `racecourse worker`).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "roster.csv (id, name, email, section[, sis_id]): who may submit.")
    Path roster;

    @Option(names = "--course", paramLabel = "FILE", description = "course.toml: exercises, points, deadlines, late policy (default: every exercise, 10 points, no deadline).")
    Path course;

    @Option(names = "--data", paramLabel = "DIR", description = "Uploaded files, and the SQLite database unless --db (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("racecourse-data");

    @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U&password=P (default: DIR/racecourse.db).")
    String db;

    @Option(names = "--workers", paramLabel = "N", description = "Grading threads in this process (default: ${DEFAULT-VALUE}; 0: only `racecourse worker`s grade).")
    int workers = 1;

    @Option(names = "--bind", paramLabel = "HOST:PORT", description = "Where to listen (default: ${DEFAULT-VALUE}; put TLS in front with a reverse proxy).")
    String bind = "127.0.0.1:8080";

    @Option(names = "--lease", paramLabel = "SECONDS", description = "How long a grading job stays a worker's without a renewal (default: ${DEFAULT-VALUE}).")
    double lease = 60;

    @Option(names = "--per-minute", paramLabel = "N", description = "Submissions a student may make per minute (default: ${DEFAULT-VALUE}).")
    int perMinute = UploadLimits.defaults().perMinute();

    @Option(names = "--secure-cookies", description = "Mark the web session's cookies Secure: set it when students reach the service over HTTPS (a reverse proxy).")
    boolean secureCookies;

    @Override
    public Integer call() throws Exception {
        String[] hostPort = ServerConfig.parseBind(bind);
        Course c = course == null ? Course.defaults() : CourseFile.read(course);
        RosterFile students = RosterFile.read(roster);
        String url = db != null ? db : Database.defaultUrl(data);
        Database database = Database.open(url);
        int added = new Store(database).enrol(students);
        ServerConfig config = new ServerConfig(hostPort[0], Integer.parseInt(hostPort[1]), data, url, c, workers,
                Duration.ofMillis((long) (lease * 1000)), Duration.ofSeconds(1), UploadLimits.defaults().withPerMinute(perMinute), secureCookies);
        SubmissionServer server = SubmissionServer.start(config, database, new GraderGrading(GraderGrading.homeOrNull(), 1));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                database.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("racecourse serve: listening on http://" + hostPort[0] + ":" + server.port() + " ("
                + database.redacted() + ", " + students.students().size() + " students, " + added + " new; "
                + workers + " grading threads)");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
