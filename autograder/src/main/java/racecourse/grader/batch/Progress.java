package racecourse.grader.batch;

/** What a regrade tells as it goes; called from the grading threads, so implementations synchronise. */
public interface Progress {
    /** Before grading: how many students, how many exercises to grade, how many already graded. */
    void start(int students, int toGrade, int cached);

    /** One exercise graded (or failed to grade: {@code error} non-null). */
    void graded(String student, String exercise, double score, double points, String error);

    /** A line worth telling (a skipped entry of ROOT, a student that cannot be graded). */
    void note(String line);

    /** All done. */
    void finish();

    Progress SILENT = new Progress() {
        public void start(int students, int toGrade, int cached) {
        }

        public void graded(String student, String exercise, double score, double points, String error) {
        }

        public void note(String line) {
        }

        public void finish() {
        }
    };
}
