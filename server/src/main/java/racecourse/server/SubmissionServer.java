package racecourse.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import racecourse.grader.course.Course;
import racecourse.server.api.ApiError;
import racecourse.server.api.Json;
import racecourse.server.api.Receipt;
import racecourse.server.queue.GradingFunction;
import racecourse.server.queue.JobQueue;
import racecourse.server.queue.Workers;
import racecourse.server.store.BlobStore;
import racecourse.server.store.Database;
import racecourse.server.store.Principal;
import racecourse.server.store.Store;
import racecourse.server.upload.Upload;
import racecourse.server.upload.UploadRejected;
import racecourse.server.web.Pages;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The submission service over HTTP (Javalin): the JSON API under {@code /api} (a bearer token on
 * every request) and the web pages (a session cookie). Grading threads, if any, run beside it.
 */
public final class SubmissionServer implements AutoCloseable {
    private final Javalin app;
    private final Workers workers;
    private final SubmissionService service;

    private SubmissionServer(Javalin app, Workers workers, SubmissionService service) {
        this.app = app;
        this.workers = workers;
        this.service = service;
    }

    /** Opens the database (migrating it), starts the workers and listens; returns once requests are served. */
    public static SubmissionServer start(ServerConfig config, Database db, GradingFunction grading) throws IOException {
        Store store = new Store(db);
        BlobStore blobs = new BlobStore(config.data().resolve("blobs"));
        Workers workers = new Workers(new JobQueue(db), blobs, grading, config.lease(), config.poll(),
                Workers.processName("server"));
        SubmissionService service = new SubmissionService(store, blobs, config.course(), config.limits(), workers::wake);
        Pages pages = new Pages(service, config.secureCookies());
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.limits().maxBytes() + 64 * 1024;
            // A form upload is held to the same size while it is parsed, declared length or not.
            cfg.jetty.multipartConfig.maxTotalRequestSize(config.limits().maxBytes() + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(config.limits().maxBytes(), io.javalin.config.SizeUnit.BYTES);
            cfg.routes.post("/api/submissions", ctx -> submit(ctx, service));
            cfg.routes.get("/api/submissions", ctx -> json(ctx, 200, service.list(principal(ctx, store))));
            cfg.routes.get("/api/submissions/{id}", ctx -> {
                Principal who = principal(ctx, store);
                var s = service.visible(who, ctx.pathParam("id"));
                if (s.isEmpty()) {
                    throw new ApiFailure(404, "not_found", "no submission " + ctx.pathParam("id") + " of yours");
                }
                json(ctx, 200, service.status(s.get()));
            });
            cfg.routes.get("/api/submissions/{id}/files.zip", ctx -> {
                Principal who = principal(ctx, store);
                var s = service.visible(who, ctx.pathParam("id"));
                if (s.isEmpty()) {
                    throw new ApiFailure(404, "not_found", "no submission " + ctx.pathParam("id") + " of yours");
                }
                ctx.contentType("application/zip").result(java.nio.file.Files.readAllBytes(blobs.path(s.get().blobSha256())));
            });
            cfg.routes.get("/api/whoami", ctx -> json(ctx, 200, principal(ctx, store)));
            cfg.routes.get("/api/gradebook.csv", ctx -> {
                if (!principal(ctx, store).instructor()) {
                    throw new ApiFailure(403, "forbidden", "the gradebook is the instructor's");
                }
                ctx.contentType("text/csv; charset=utf-8").result(ClassGradebook.csv(service));
            });
            cfg.routes.get("/api/submissions.zip", ctx -> {
                if (!principal(ctx, store).instructor()) {
                    throw new ApiFailure(403, "forbidden", "all submissions are the instructor's");
                }
                sendSubmissionsZip(ctx, service);
            });
            pages.register(cfg.routes);
            cfg.routes.exception(ApiFailure.class, (e, ctx) -> {
                if (e.status == 429) {
                    ctx.header("Retry-After", Long.toString(e.retryAfter));
                }
                if (e.status == 401) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                json(ctx, e.status, new ApiError(e.code, e.getMessage()));
            });
            cfg.routes.exception(java.sql.SQLException.class, (e, ctx) -> {
                // The database is away (PostgreSQL restarting, SQLite busy past its timeout): the
                // transaction did not commit, so nothing was acknowledged; the client may simply retry.
                System.err.println("racecourse serve: " + ctx.method() + " " + ctx.path() + ": database: " + e.getMessage());
                ctx.header("Retry-After", "5");
                json(ctx, 503, new ApiError("database_unavailable", "the service's database did not answer; nothing was"
                        + " stored: try again in a few seconds"));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("racecourse serve: " + ctx.method() + " " + ctx.path() + ": " + e);
                json(ctx, 500, new ApiError("server_error", "the server failed on this request: "
                        + e.getClass().getSimpleName() + "; the instructor can see its log"));
            });
        });
        app.start();
        workers.start(config.workers());
        return new SubmissionServer(app, workers, service);
    }

    public int port() {
        return app.port();
    }

    public SubmissionService service() {
        return service;
    }

    /** A refused API request: its status, code and one line. */
    static final class ApiFailure extends RuntimeException {
        final int status;
        final String code;
        final long retryAfter;

        ApiFailure(int status, String code, String message) {
            this(status, code, message, 0);
        }

        ApiFailure(int status, String code, String message, long retryAfter) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
        }
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    /** The principal of a bearer token; 401 without one the service knows. */
    static Principal principal(Context ctx, Store store) throws SQLException {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiFailure(401, "unauthenticated", "send your token: Authorization: Bearer TOKEN (from the instructor's tokens file)");
        }
        Optional<Principal> p = store.byToken(h.substring(7).strip());
        return p.orElseThrow(() -> new ApiFailure(401, "unauthenticated", "this token is not (or no longer) valid; ask the instructor for yours"));
    }

    private static void submit(Context ctx, SubmissionService service) throws Exception {
        Principal who = principal(ctx, service.store());
        if (who.instructor()) {
            throw new ApiFailure(403, "forbidden", "submissions come from students; the instructor token only reads");
        }
        Upload upload = read(ctx, service);
        Receipt r = accept(service, who, upload);
        ctx.header("Location", "/api/submissions/" + r.id());
        json(ctx, 201, r);
    }

    /** Stores an upload, turning refusals into API failures. */
    static Receipt accept(SubmissionService service, Principal who, Upload upload) throws Exception {
        try {
            return service.submit(who, upload);
        } catch (UploadRejected e) {
            throw new ApiFailure(e.status(), e.code(), e.getMessage());
        } catch (SubmissionService.RateLimited e) {
            throw new ApiFailure(429, "rate_limited", e.getMessage(), e.retryAfterSeconds());
        }
    }

    /** The upload in the request: a zip body, or files sent as multipart/form-data; every limit checked. */
    static Upload read(Context ctx, SubmissionService service) throws Exception {
        var limits = service.limits();
        long declared = ctx.contentLength();
        if (declared > limits.maxBytes() + 64 * 1024) {
            throw new ApiFailure(413, "too_large", "the upload is " + declared + " bytes; at most " + limits.maxBytes() + " are accepted");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                List<Upload.Part> parts = new ArrayList<>();
                List<UploadedFile> files;
                try {
                    files = ctx.uploadedFiles();
                } catch (Exception e) {
                    // Jetty's ServletException, thrown unchecked through Kotlin.
                    throw formRefused(e, limits.maxBytes());
                }
                for (UploadedFile f : files) {
                    if (f.size() > limits.maxBytes()) {
                        throw new ApiFailure(413, "too_large", f.filename() + " is " + f.size() + " bytes; at most " + limits.maxBytes() + " are accepted");
                    }
                    try (InputStream in = f.content()) {
                        parts.add(new Upload.Part(f.filename(), Upload.readBounded(in, limits.maxBytes())));
                    }
                }
                if (parts.isEmpty()) {
                    throw new ApiFailure(400, "no_files", "the form holds no file");
                }
                return Upload.fromParts(parts, limits);
            }
            if (type.startsWith("application/zip") || type.startsWith("application/octet-stream")) {
                byte[] body;
                try (InputStream in = ctx.bodyInputStream()) {
                    body = Upload.readBounded(in, limits.maxBytes());
                }
                return Upload.fromZip(body, limits);
            }
        } catch (UploadRejected e) {
            throw new ApiFailure(e.status(), e.code(), e.getMessage());
        }
        throw new ApiFailure(415, "unsupported_type", "send a zip (Content-Type: application/zip) or files as multipart/form-data");
    }

    /** Jetty's refusal of a form it could not parse: over the size limits, or not a multipart body. */
    static ApiFailure formRefused(Exception e, long maxBytes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("size") || m.contains("max") || m.contains("exceed") || m.contains("too large")) {
                return new ApiFailure(413, "too_large", "the upload is larger than the " + maxBytes + " bytes accepted");
            }
        }
        return new ApiFailure(400, "bad_form", "not a readable multipart/form-data upload");
    }

    /**
     * Streams {@link SubmissionsZip}: the plan is read from the database first (an error there is
     * still a clean 503), then the files are written as they are read.
     */
    public static void sendSubmissionsZip(Context ctx, SubmissionService service) throws Exception {
        SubmissionsZip.Plan plan = SubmissionsZip.plan(service);
        ctx.header("Content-Disposition", "attachment; filename=\"submissions.zip\"");
        ctx.contentType("application/zip");
        try (java.io.OutputStream out = ctx.outputStream()) {
            SubmissionsZip.write(plan, SubmissionsZip.blobs(service), out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        app.stop();
        workers.close();
    }
}
