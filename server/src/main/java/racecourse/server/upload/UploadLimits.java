package racecourse.server.upload;

/**
 * What one upload may be: its size in bytes, how many .java files, how many zip entries, how much
 * a zip may expand (total and as a ratio of its own size), and how many submissions a student may
 * make per minute. A course's eleven exercises fit well within the defaults.
 */
public record UploadLimits(long maxBytes, int maxFiles, int maxZipEntries, long maxExpandedBytes, int maxExpansionRatio,
                           int perMinute) {
    public static UploadLimits defaults() {
        return new UploadLimits(1024 * 1024, 30, 100, 4L * 1024 * 1024, 50, 6);
    }

    public UploadLimits withPerMinute(int n) {
        return new UploadLimits(maxBytes, maxFiles, maxZipEntries, maxExpandedBytes, maxExpansionRatio, n);
    }
}
