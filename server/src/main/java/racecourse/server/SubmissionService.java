package racecourse.server;

import racecourse.grader.course.Course;
import racecourse.results.ExerciseScore;
import racecourse.grader.course.ReceiveTime;
import racecourse.grader.course.Scorer;
import racecourse.results.Grading;
import racecourse.results.GradingJson;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionList;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.store.BlobStore;
import racecourse.server.store.Principal;
import racecourse.server.store.Store;
import racecourse.server.store.StoredSubmission;
import racecourse.server.upload.Upload;
import racecourse.server.upload.UploadLimits;
import racecourse.server.upload.UploadRejected;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API and the pages do, without HTTP: accept a student's upload (checked, stored durably,
 * queued) and show submissions to whom may see them.
 */
public final class SubmissionService {
    /** Where a receive time comes from, as the gradebook says. */
    public static final String RECEIVED_BY = "the submission service";

    private final Store store;
    private final BlobStore blobs;
    private final Course course;
    private final UploadLimits limits;
    private final Runnable onQueued;
    private final ConcurrentHashMap<String, Object> studentLocks = new ConcurrentHashMap<>();

    public SubmissionService(Store store, BlobStore blobs, Course course, UploadLimits limits, Runnable onQueued) {
        this.store = store;
        this.blobs = blobs;
        this.course = course;
        this.limits = limits;
        this.onQueued = onQueued;
    }

    public Store store() {
        return store;
    }

    public Course course() {
        return course;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public UploadLimits limits() {
        return limits;
    }

    /** Thrown for a student over the rate limit: when to come back. */
    public static final class RateLimited extends Exception {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds, String message) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * Accepts {@code upload} from {@code student}: the files on disk and forced, then the row and
     * its job committed, and only then the receipt. One student's submissions are taken one at a
     * time, so the rate limit counts them all.
     */
    public Receipt submit(Principal student, Upload upload) throws UploadRejected, RateLimited, IOException, SQLException {
        List<String> exercises = upload.files().keySet().stream().map(f -> f.substring(0, f.length() - ".java".length()))
                .filter(x -> course.plans().containsKey(x)).sorted(java.util.Comparator.comparingInt(course.exercises()::indexOf)).toList();
        if (exercises.isEmpty()) {
            throw new UploadRejected(400, "no_exercise", "the upload holds no exercise of this course (its exercises: "
                    + String.join(", ", course.exercises()) + "); name the file after the class, e.g. BoundedBuffer.java");
        }
        synchronized (studentLocks.computeIfAbsent(student.id(), k -> new Object())) {
            Instant now = Instant.now();
            Store.Recent recent = store.recent(student.id(), now.minus(Duration.ofMinutes(1)));
            if (recent.count() >= limits.perMinute()) {
                long wait = Math.max(1, (recent.oldest().plus(Duration.ofMinutes(1)).toEpochMilli() - now.toEpochMilli() + 999) / 1000);
                throw new RateLimited(wait, "at most " + limits.perMinute() + " submissions a minute; try again in " + wait + " s");
            }
            byte[] zip = upload.canonicalZip();
            String sha = blobs.put(zip);
            // Milliseconds, as the database keeps it: the receipt's "late" and the gradebook's penalty see the same time.
            Instant received = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Receipt receipt = new Receipt(UUID.randomUUID().toString(), student.id(), received, exercises,
                    exercises.stream().filter(x -> late(student.id(), x, received)).toList());
            store.add(receipt, sha, zip);
            onQueued.run();
            return receipt;
        }
    }

    private boolean late(String student, String exercise, Instant received) {
        ZonedDateTime deadline = course.deadline(student, exercise);
        return deadline != null && received.isAfter(deadline.toInstant().plus(course.late().grace()));
    }

    /** The submission if {@code who} may see it: its student, or an instructor. Others' ids look unknown. */
    public Optional<StoredSubmission> visible(Principal who, String id) throws SQLException {
        return store.submission(id).filter(s -> who.instructor() || s.receipt().student().equals(who.id()));
    }

    public SubmissionStatus status(StoredSubmission s) {
        Grading g = s.gradingJson() == null ? null : GradingJson.read(s.gradingJson());
        if (g != null && s.hiddenMessagesJson() != null) {
            // Hidden tests' details as the course allows: after that student's deadline, if it says so.
            racecourse.grader.course.Terms terms = new racecourse.grader.course.Terms(course, s.receipt().student(),
                    new ReceiveTime(s.receipt().receivedAt(), RECEIVED_BY), Instant.now());
            g = racecourse.server.api.Json.read(s.hiddenMessagesJson(), racecourse.server.api.HiddenMessages.class)
                    .restore(g, terms.standing(terms.within(g)).hiddenDetailsShown());
        }
        return new SubmissionStatus(s.receipt(), s.state(), g, g == null ? null : scores(s, g), s.error());
    }

    /** The course's scores of a graded submission: weights, points and the late penalty from its receive time. */
    public List<ExerciseScore> scores(StoredSubmission s, Grading g) {
        ReceiveTime received = new ReceiveTime(s.receipt().receivedAt(), RECEIVED_BY);
        List<ExerciseScore> out = new ArrayList<>();
        g.exercises().stream().filter(e -> course.plans().containsKey(e.exercise()))
                .forEach(e -> out.add(Scorer.score(course, s.receipt().student(), e, received)));
        return out;
    }

    /** {@code who}'s own submissions, newest first; an instructor's list is everyone's. */
    public SubmissionList list(Principal who) throws SQLException {
        List<StoredSubmission> rows = who.instructor() ? store.all().reversed() : store.submissionsOf(who.id());
        return new SubmissionList(rows.stream().map(s -> new SubmissionList.Entry(s.receipt(), s.state(), s.score(), s.maxScore())).toList());
    }
}
