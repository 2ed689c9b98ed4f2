package racecourse.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UploadedFile;
import racecourse.results.ExerciseScore;
import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.results.TestResult;
import racecourse.server.ClassGradebook;
import racecourse.server.SubmissionService;
import racecourse.server.api.Receipt;
import racecourse.server.api.SubmissionStatus;
import racecourse.server.store.Principal;
import racecourse.server.store.Store;
import racecourse.server.store.StoredSubmission;
import racecourse.server.store.Tokens;
import racecourse.server.upload.Upload;
import racecourse.server.upload.UploadRejected;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web pages (jte templates, compiled at build time): log in with a token, a student's
 * submissions and each one's feedback, an upload form, the instructor's class grid and gradebook.
 * A session is a cookie (HttpOnly, SameSite=Strict) whose hash the database keeps; every form
 * carries the session's CSRF token, and the log-in form a one-off token of its own cookie.
 */
public final class Pages {
    static final String SESSION = "rc_session";
    static final String LOGIN = "rc_login";
    static final Duration SESSION_LENGTH = Duration.ofHours(12);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SubmissionService service;
    private final boolean secureCookies;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public Pages(SubmissionService service, boolean secureCookies) {
        this.service = service;
        this.secureCookies = secureCookies;
    }

    // --- what the templates show ---

    public record LoginPage(String csrf, String message) {
    }

    public record SubmissionRow(String id, String received, String exercises, boolean late, String state, String score) {
    }

    public record StudentPage(String name, String id, String csrf, String message, String exercises, List<SubmissionRow> rows) {
    }

    public record TestView(String name, boolean hidden, boolean passed, String verdict, String message) {
    }

    public record ExerciseView(String exercise, String score, String late, List<TestView> tests) {
    }

    public record SubmissionPage(String csrf, String student, String id, String received, String exercises, boolean late,
                                 String state, String error, String notes, List<ExerciseView> results) {
    }

    public record GridRow(String student, List<String> cells, String total) {
    }

    public record ExerciseStats(String exercise, int students, String mean, String min, String max, String verdicts) {
    }

    public record ClassPage(String csrf, List<String> exercises, List<GridRow> rows, String queue, List<ExerciseStats> stats) {
    }

    public record HistoryPage(String student, List<SubmissionRow> rows) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.post("/login", this::login);
        routes.post("/logout", ctx -> {
            Store.Session s = session(ctx);
            checkCsrf(ctx, s);
            service.store().endSession(ctx.cookie(SESSION));
            ctx.cookie(cookie(SESSION, "", 0));
            ctx.redirect("/");
        });
        routes.get("/me", ctx -> {
            Store.Session s = session(ctx);
            if (s.principal().instructor()) {
                ctx.redirect("/class");
                return;
            }
            render(ctx, 200, "student.jte", studentPage(s, ""));
        });
        routes.post("/submit", this::submit);
        routes.get("/submissions/{id}", ctx -> {
            Store.Session s = session(ctx);
            Optional<StoredSubmission> sub = service.visible(s.principal(), ctx.pathParam("id"));
            if (sub.isEmpty()) {
                page(ctx, 404, "No submission " + ctx.pathParam("id") + " of yours.");
                return;
            }
            render(ctx, 200, "submission.jte", submissionPage(s, sub.get()));
        });
        routes.get("/class", ctx -> {
            Store.Session s = session(ctx);
            if (!s.principal().instructor()) {
                page(ctx, 403, "The class pages are the instructor's.");
                return;
            }
            render(ctx, 200, "class.jte", classPage(s));
        });
        routes.get("/class/students/{id}", ctx -> {
            Store.Session s = session(ctx);
            if (!s.principal().instructor()) {
                page(ctx, 403, "The class pages are the instructor's.");
                return;
            }
            render(ctx, 200, "history.jte", new HistoryPage(ctx.pathParam("id"), rows(ctx.pathParam("id"))));
        });
        routes.get("/class/export.csv", ctx -> {
            Store.Session s = session(ctx);
            if (!s.principal().instructor()) {
                page(ctx, 403, "The class pages are the instructor's.");
                return;
            }
            racecourse.grader.batch.LmsExport.Format format;
            try {
                format = racecourse.grader.batch.LmsExport.Format.parse(String.valueOf(ctx.queryParam("format")));
            } catch (IllegalArgumentException e) {
                page(ctx, 400, e.getMessage());
                return;
            }
            ctx.header("Content-Disposition", "attachment; filename=\"" + format.name().toLowerCase(Locale.ROOT) + "-grades.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ClassGradebook.lms(service, format));
        });
        routes.get("/class/gradebook.csv", ctx -> {
            Store.Session s = session(ctx);
            if (!s.principal().instructor()) {
                page(ctx, 403, "The gradebook is the instructor's.");
                return;
            }
            ctx.header("Content-Disposition", "attachment; filename=\"gradebook.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ClassGradebook.csv(service));
        });
        routes.get("/class/submissions.zip", ctx -> {
            Store.Session s = session(ctx);
            if (!s.principal().instructor()) {
                page(ctx, 403, "All submissions are the instructor's.");
                return;
            }
            racecourse.server.SubmissionServer.sendSubmissionsZip(ctx, service);
        });
        routes.exception(NotLoggedIn.class, (e, ctx) -> ctx.redirect("/"));
        routes.exception(CsrfRefused.class, (e, ctx) -> page(ctx, 403, e.getMessage()));
    }

    /** No valid session: back to the log-in page. */
    static final class NotLoggedIn extends RuntimeException {
        NotLoggedIn() {
            super(null, null, false, false);
        }
    }

    private Store.Session session(Context ctx) throws Exception {
        return service.store().session(ctx.cookie(SESSION)).orElseThrow(NotLoggedIn::new);
    }

    private static void checkCsrf(Context ctx, Store.Session s) {
        String sent = ctx.formParam("_csrf");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    /** A form without its page's token: another site's, or a stale page. */
    public static final class CsrfRefused extends RuntimeException {
        CsrfRefused() {
            super("the form's security token is missing or stale: reload the page and try again", null, false, false);
        }
    }

    private Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, secureCookies, true, null, SameSite.STRICT);
    }

    private void home(Context ctx) throws Exception {
        Optional<Store.Session> s = service.store().session(ctx.cookie(SESSION));
        if (s.isPresent()) {
            ctx.redirect(s.get().principal().instructor() ? "/class" : "/me");
            return;
        }
        String csrf = Tokens.newToken();
        ctx.cookie(cookie(LOGIN, csrf, 3600));
        render(ctx, 200, "login.jte", new LoginPage(csrf, ""));
    }

    private void login(Context ctx) throws Exception {
        String pre = ctx.cookie(LOGIN);
        String sent = ctx.formParam("_csrf");
        if (pre == null || sent == null || !MessageDigest.isEqual(pre.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(403);
            String csrf = Tokens.newToken();
            ctx.cookie(cookie(LOGIN, csrf, 3600));
            render(ctx, 403, "login.jte", new LoginPage(csrf, "The log-in form was stale; try again."));
            return;
        }
        Optional<Principal> p = service.store().byToken(ctx.formParam("token") == null ? null : ctx.formParam("token").strip());
        if (p.isEmpty()) {
            String csrf = Tokens.newToken();
            ctx.cookie(cookie(LOGIN, csrf, 3600));
            render(ctx, 401, "login.jte", new LoginPage(csrf, "That token is not valid; use the one from your instructor."));
            return;
        }
        String session = service.store().startSession(p.get(), Tokens.newToken(), Instant.now().plus(SESSION_LENGTH));
        ctx.cookie(cookie(SESSION, session, (int) SESSION_LENGTH.toSeconds()));
        ctx.cookie(cookie(LOGIN, "", 0));
        ctx.redirect(p.get().instructor() ? "/class" : "/me");
    }

    private void submit(Context ctx) throws Exception {
        Store.Session s = session(ctx);
        List<UploadedFile> files;
        try {
            // Parsing the form comes first (the CSRF token is inside it); Jetty refuses one over the size limit.
            files = ctx.uploadedFiles("files");
        } catch (Exception e) {
            render(ctx, 413, "student.jte", studentPage(s, "Not submitted: the upload is larger than the "
                    + service.limits().maxBytes() + " bytes accepted"));
            return;
        }
        checkCsrf(ctx, s);
        if (s.principal().instructor()) {
            page(ctx, 403, "Submissions come from students.");
            return;
        }
        try {
            List<Upload.Part> parts = new ArrayList<>();
            for (UploadedFile f : files) {
                try (InputStream in = f.content()) {
                    parts.add(new Upload.Part(f.filename(), Upload.readBounded(in, service.limits().maxBytes())));
                }
            }
            Upload upload = parts.size() == 1 && parts.get(0).name().toLowerCase(Locale.ROOT).endsWith(".zip")
                    ? Upload.fromZip(parts.get(0).bytes(), service.limits())
                    : Upload.fromParts(parts, service.limits());
            Receipt r = service.submit(s.principal(), upload);
            ctx.redirect("/submissions/" + r.id());
        } catch (UploadRejected e) {
            render(ctx, e.status(), "student.jte", studentPage(s, "Not submitted: " + e.getMessage()));
        } catch (SubmissionService.RateLimited e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            render(ctx, 429, "student.jte", studentPage(s, "Not submitted: " + e.getMessage()));
        }
    }

    private StudentPage studentPage(Store.Session s, String message) throws Exception {
        return new StudentPage(s.principal().name(), s.principal().id(), s.csrf(), message,
                String.join(", ", service.course().exercises()), rows(s.principal().id()));
    }

    private List<SubmissionRow> rows(String student) throws Exception {
        List<SubmissionRow> rows = new ArrayList<>();
        for (StoredSubmission sub : service.store().submissionsOf(student)) {
            rows.add(new SubmissionRow(sub.receipt().id(), TIME.format(sub.receipt().receivedAt()),
                    String.join(", ", sub.receipt().exercises()), !sub.receipt().lateExercises().isEmpty(),
                    sub.state().name().toLowerCase(Locale.ROOT),
                    sub.score() == null ? "" : number(sub.score()) + " / " + number(sub.maxScore())));
        }
        return rows;
    }

    private SubmissionPage submissionPage(Store.Session s, StoredSubmission sub) {
        SubmissionStatus st = service.status(sub);
        List<ExerciseView> results = new ArrayList<>();
        Grading g = st.grading();
        if (g != null) {
            for (ExerciseResult e : g.exercises()) {
                ExerciseScore sc = st.scores().stream().filter(x -> x.exercise().equals(e.exercise())).findFirst().orElse(null);
                List<TestView> tests = new ArrayList<>();
                for (TestResult t : e.tests()) {
                    tests.add(new TestView(t.name(), t.hidden(), t.passed(), t.passed() ? "" : t.verdict().label(),
                            t.passed() ? "" : t.hidden() && t.message() == null ? "hidden test: the grader shows its verdict only"
                                    : t.message() == null ? "" : t.message().strip()));
                }
                results.add(new ExerciseView(e.exercise(),
                        sc == null ? number(e.score()) + " / " + number(e.points()) : number(sc.finalScore()) + " / " + number(sc.points()),
                        sc == null || sc.penaltyPercent() == 0 ? "" : number(sc.penaltyPercent()) + " % late penalty ("
                                + number(sc.hoursLate()) + " h late)", tests));
            }
        }
        Receipt r = sub.receipt();
        return new SubmissionPage(s.csrf(), r.student(), r.id(), TIME.format(r.receivedAt()), String.join(", ", r.exercises()),
                !r.lateExercises().isEmpty(), sub.state().name().toLowerCase(Locale.ROOT), sub.error() == null ? "" : sub.error(),
                g == null ? "" : g.seedAndNotes(), results);
    }

    private ClassPage classPage(Store.Session s) throws Exception {
        Map<String, Map<String, ClassGradebook.Cell>> grid = ClassGradebook.cells(service);
        List<GridRow> rows = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(grid).entrySet()) {
            List<String> cells = new ArrayList<>();
            double total = 0;
            for (String x : service.course().exercises()) {
                ClassGradebook.Cell c = e.getValue().get(x);
                cells.add(c == null ? "" : number(c.score().finalScore()));
                total += c == null ? 0 : c.score().finalScore();
            }
            rows.add(new GridRow(e.getKey(), cells, number(total)));
        }
        List<ExerciseStats> stats = new ArrayList<>();
        for (String x : service.course().exercises()) {
            List<ClassGradebook.Cell> cells = grid.values().stream().map(m -> m.get(x)).filter(java.util.Objects::nonNull).toList();
            var scores = cells.stream().mapToDouble(c -> c.score().finalScore()).summaryStatistics();
            Map<String, Long> verdicts = new java.util.TreeMap<>();
            for (ClassGradebook.Cell c : cells) {
                racecourse.results.GradingJson.read(c.submission().gradingJson()).exercises().stream()
                        .filter(e -> e.exercise().equals(x)).flatMap(e -> e.tests().stream()).filter(t -> !t.passed())
                        .map(t -> t.verdict().label()).distinct().forEach(v -> verdicts.merge(v, 1L, Long::sum));
            }
            String top = verdicts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " student" : " students"))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            stats.add(cells.isEmpty() ? new ExerciseStats(x, 0, "", "", "", "")
                    : new ExerciseStats(x, cells.size(), number(Math.round(scores.getAverage() * 100) / 100.0),
                    number(scores.getMin()), number(scores.getMax()), top));
        }
        StringBuilder queue = new StringBuilder();
        service.store().queueCounts().forEach((k, v) -> queue.append(queue.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return new ClassPage(s.csrf(), service.course().exercises(), rows, queue.isEmpty() ? "empty" : queue.toString(), stats);
    }

    private void page(Context ctx, int status, String message) {
        render(ctx, status, "message.jte", message);
    }

    private void render(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.status(status).header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
                .header("X-Frame-Options", "DENY").html(out.toString());
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
