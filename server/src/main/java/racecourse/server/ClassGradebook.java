package racecourse.server;

import racecourse.grader.batch.ExerciseRecord;
import racecourse.grader.batch.Gradebook;
import racecourse.grader.batch.Row;
import racecourse.grader.course.Course;
import racecourse.results.ExerciseScore;
import racecourse.grader.course.ReceiveTime;
import racecourse.grader.course.Scorer;
import racecourse.results.ExerciseResult;
import racecourse.results.Grading;
import racecourse.results.GradingJson;
import racecourse.server.store.Principal;
import racecourse.server.store.StoredSubmission;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class as the gradebook sees it: per student and exercise the latest graded submission that
 * holds the exercise, scored under the course with its receive time; written by the grader's own
 * {@link Gradebook}, so the service and {@code racecourse regrade} write the same columns.
 */
public final class ClassGradebook {
    /** One cell: the submission it comes from and its course score. */
    public record Cell(StoredSubmission submission, ExerciseScore score) {
    }

    private ClassGradebook() {
    }

    /** Student id → exercise → cell (absent: nothing graded yet), for every student of the roster. */
    public static Map<String, Map<String, Cell>> cells(SubmissionService service) throws SQLException {
        Course course = service.course();
        Map<String, Map<String, Cell>> grid = new LinkedHashMap<>();
        for (Principal p : service.store().principals()) {
            if (!p.instructor()) {
                grid.put(p.id(), new HashMap<>());
            }
        }
        for (StoredSubmission s : service.store().all()) {
            if (s.gradingJson() == null) {
                continue;
            }
            Grading g = GradingJson.read(s.gradingJson());
            ReceiveTime received = new ReceiveTime(s.receipt().receivedAt(), SubmissionService.RECEIVED_BY);
            for (ExerciseResult e : g.exercises()) {
                if (course.plans().containsKey(e.exercise()) && e.submitted()) {
                    // Oldest first: a later submission replaces an earlier one.
                    grid.computeIfAbsent(s.receipt().student(), k -> new HashMap<>())
                            .put(e.exercise(), new Cell(s, Scorer.score(course, s.receipt().student(), e, received)));
                }
            }
        }
        return grid;
    }

    /**
     * The gradebook as {@code racecourse regrade} writes it for the download of all submissions
     * ({@link SubmissionsZip}): per student and exercise the cell of {@link #cells}; an exercise that
     * no submission of the student holds (graded, queued or failed) is "not submitted", 0 points, as
     * a regrade scores a folder without that file; one that only a queued or failed submission holds
     * stays empty (not graded yet).
     */
    public static String csv(SubmissionService service) throws SQLException {
        Course course = service.course();
        Map<String, Map<String, Cell>> grid = cells(service);
        Map<String, java.util.Set<String>> handedIn = new HashMap<>();
        for (StoredSubmission s : service.store().all()) {
            handedIn.computeIfAbsent(s.receipt().student(), k -> new java.util.HashSet<>()).addAll(s.receipt().exercises());
        }
        List<Row> rows = new ArrayList<>();
        List<List<ExerciseScore>> scores = new ArrayList<>();
        for (var student : new java.util.TreeMap<>(grid).entrySet()) {
            Map<String, ExerciseRecord> records = new LinkedHashMap<>();
            List<ExerciseScore> row = new ArrayList<>();
            for (String x : course.exercises()) {
                Cell c = student.getValue().get(x);
                if (c == null && !handedIn.getOrDefault(student.getKey(), java.util.Set.of()).contains(x)) {
                    ExerciseResult none = racecourse.grader.Grader.notSubmitted(x);
                    records.put(x, new ExerciseRecord("not-submitted", student.getKey(), none, List.of(), true, List.of()));
                    row.add(Scorer.score(course, student.getKey(), none, racecourse.grader.course.ReceiveTime.UNKNOWN));
                    continue;
                }
                records.put(x, c == null ? null : new ExerciseRecord(c.submission().receipt().id(), student.getKey(),
                        GradingJson.read(c.submission().gradingJson()).exercises().stream()
                                .filter(e -> e.exercise().equals(x)).findFirst().orElseThrow(),
                        List.of(), true, List.of()));
                row.add(c == null ? null : c.score());
            }
            rows.add(new Row(student.getKey(), null, records));
            scores.add(row);
        }
        return Gradebook.csv(course, rows, scores);
    }

    /**
     * The class as Canvas, Moodle or a plain CSV imports it, written by the grader's own
     * {@link racecourse.grader.batch.LmsExport}: per student of the roster the course's final score of each
     * exercise (late penalty applied), an empty cell where nothing is graded or nothing was handed
     * in, never a 0: what {@code racecourse export OUT --course} writes from a regrade of
     * {@link SubmissionsZip}'s download, byte for byte.
     */
    public static String lms(SubmissionService service, racecourse.grader.batch.LmsExport.Format format) throws SQLException {
        Course course = service.course();
        racecourse.grader.batch.RosterFile roster = service.store().roster();
        Map<String, Map<String, Cell>> grid = cells(service);
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Map<String, racecourse.grader.batch.RosterFile.Enrolled> bySubmission = new LinkedHashMap<>();
        List<racecourse.grader.batch.RosterFile.Enrolled> missing = new ArrayList<>();
        for (racecourse.grader.batch.RosterFile.Enrolled s : roster.students()) {
            Map<String, Cell> own = grid.getOrDefault(s.id(), Map.of());
            if (own.isEmpty()) {
                missing.add(s);
                continue;
            }
            bySubmission.put(s.id(), s);
            Map<String, Double> m = new LinkedHashMap<>();
            own.forEach((x, c) -> m.put(x, c.score().finalScore()));
            scores.put(s.id(), m);
        }
        Map<String, Double> points = new LinkedHashMap<>();
        course.exercises().forEach(x -> points.put(x, course.plan(x).points()));
        return racecourse.grader.batch.LmsExport.csv(format, course.exercises(), points, scores,
                new racecourse.grader.batch.RosterMatch(roster, bySubmission, List.of(), missing));
    }
}
