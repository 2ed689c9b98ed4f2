package racecourse.server.upload;

/** An upload refused before anything was stored: the HTTP status, a stable code, one line for the student. */
public final class UploadRejected extends Exception {
    private final int status;
    private final String code;

    public UploadRejected(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
