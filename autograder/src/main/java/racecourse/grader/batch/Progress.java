package racecourse.grader.batch;

/** What a regrade tells as it goes; called from the grading threads, so implementations synchronise. */
public interface Progress {
    /** Before grading: how many students, how many exercises to grade, how many already graded. */
    void start(int students, int toGrade, int cached);

    /** How the grading of one exercise ended; each is counted apart. */
    enum Ending {
        /** Graded: its score is {@code score} of {@code points}. */
        GRADED,
        /** The grader failed on it (an exception or error in the task): {@code reason} says which. */
        FAILED,
        /** The run was interrupted before it was graded; the next run grades it. */
        INTERRUPTED
    }

    /** One exercise done: graded, failed to grade, or interrupted ({@code reason} null only when graded). */
    void graded(String student, String exercise, Ending ending, double score, double points, String reason);

    /** A line worth telling (a skipped entry of ROOT, a student that cannot be graded). */
    void note(String line);

    /** All done. */
    void finish();

    Progress SILENT = new Progress() {
        public void start(int students, int toGrade, int cached) {
        }

        public void graded(String student, String exercise, Ending ending, double score, double points, String reason) {
        }

        public void note(String line) {
        }

        public void finish() {
        }
    };
}
