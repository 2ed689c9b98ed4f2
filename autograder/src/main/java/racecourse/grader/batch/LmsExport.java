package racecourse.grader.batch;

import racecourse.grader.course.Course;
import racecourse.results.ExerciseScore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A regrade's scores as a file an LMS imports: one column per exercise, one row per enrolled
 * student, identified as that LMS documents. Under a course file the scores are the gradebook's
 * final scores (the course's points, weights, deadlines, extensions and late policy, with the
 * receive times the regrade kept), as the submission service's export writes them; without one,
 * the plain scores. An exercise a student did not submit, and every exercise of a student on the
 * roster without a submission, gets an empty cell, never a 0 (imported as ungraded, not as a
 * graded zero: whether no submission is a zero, or an extension, stays the instructor's call in
 * the LMS; docs/decisions.md), and so do students who could not be graded; submissions whose id is on no
 * roster cannot be identified in the LMS and are only in {@code csv}. Text cells are quoted and
 * guarded against formulas as in gradebook.csv ({@link Gradebook#text}).
 */
public final class LmsExport {
    public enum Format {
        /**
         * Canvas's gradebook import: the columns of Canvas's own gradebook export, {@code Student, ID,
         * SIS User ID, SIS Login ID, Section}, then one column per assignment, and a second row
         * {@code Points Possible}. Canvas matches a row by ID (Canvas's internal user id, which we do
         * not have: empty), SIS User ID (the roster's sis_id) or SIS Login ID (the roster's email).
         * https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades
         * https://ts.vcu.edu/askit/teaching-and-learning/canvas/faculty/grading-faculty/gradebook-action-menu-faculty/
         */
        CANVAS,
        /**
         * Moodle's CSV grade import: the columns of Moodle's plain-text grade export ("the import
         * format is the same as the export format"): {@code First name, Last name, ID number, Email
         * address}, then one column per grade item. On import map "Email address" to useremail
         * (or "ID number" to useridnumber). https://docs.moodle.org/311/en/Grade_import
         */
        MOODLE,
        /** Everything, for a spreadsheet: every roster field, every submission (on the roster or not), and the total. */
        CSV;

        public static Format parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format wants canvas, moodle or csv, not '" + Roster.printable(s) + "'");
            }
        }
    }

    private LmsExport() {
    }

    /**
     * Writes the export of regrade output {@code out} to {@code to} (whole, or not at all) with
     * {@code rosterFile}, or with the roster the regrade kept when null.
     */
    /** What an export wrote: the roster match, and the enrolled students whose submission could not be graded (empty cells). */
    public record Written(RosterMatch match, List<String> notGraded) {
        /** One line each for stderr: who is not in the file, has no submission, or has empty cells. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>(match.lines());
            notGraded.forEach(l -> lines.add("not graded, cells left empty: " + l));
            return lines;
        }
    }

    public static Written write(Path out, Format format, Path rosterFile, Path to) throws IOException {
        return write(out, format, rosterFile, to, null);
    }

    /**
     * As {@link #write(Path, Format, Path, Path)}, each score the course's final score of the
     * exercise (the one gradebook.csv has under the course) and each exercise's points the course's;
     * plain scores when {@code course} is null.
     */
    public static Written write(Path out, Format format, Path rosterFile, Path to, Course course) throws IOException {
        Manifest m = Manifest.read(out);
        if (!m.shard().equals(Shard.ALL.toString())) {
            throw new IllegalArgumentException(out + " holds shard " + m.shard() + " only; merge the shards, then export the merged folder");
        }
        if (course != null) {
            List<String> missing = course.exercises().stream().filter(x -> !m.exercises().contains(x)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the course grades " + String.join(", ", missing) + " but the regrade in " + out
                        + " did not; regrade with --course (or --exercise) to grade it");
            }
        }
        RosterFile roster;
        if (rosterFile != null) {
            roster = RosterFile.read(rosterFile);
        } else if (Files.isRegularFile(out.resolve(RosterMatch.FILE))) {
            roster = RosterFile.read(out.resolve(RosterMatch.FILE));
        } else {
            throw new IllegalArgumentException("no roster: pass --roster roster.csv (or regrade with --roster)");
        }
        Path target = to.toAbsolutePath().normalize();
        for (Path kept : List.of(out.resolve("gradebook.csv"), out.resolve("summary.md"), out.resolve(RosterMatch.FILE),
                out.resolve(Reviews.FILE), rosterFile == null ? out.resolve(RosterMatch.FILE) : rosterFile)) {
            if (target.equals(kept.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--to " + to + " would overwrite " + kept + "; export to another file");
            }
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--to " + to + " is a folder; name the file to write");
        }
        RosterMatch match = RosterMatch.of(roster, m);
        RecordStore store = new RecordStore(out);
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Map<String, Double> points = new LinkedHashMap<>();
        List<String> exercises = course == null ? m.exercises() : course.exercises();
        exercises.forEach(x -> points.put(x, course == null ? racecourse.grader.Catalog.POINTS : course.plan(x).points()));
        ReceivedTimes received = course == null ? null : ReceivedTimes.read(out);
        List<String> notGraded = new ArrayList<>();
        for (Row r : Row.of(m, store)) {
            if (!r.graded()) {
                if (match.bySubmission().containsKey(r.id())) {
                    notGraded.add(Roster.printable(r.id()) + " (" + Roster.printable(r.review()) + ")");
                }
                continue;
            }
            Map<String, Double> own = new LinkedHashMap<>();
            if (course == null) {
                r.records().forEach((x, rec) -> {
                    points.put(x, rec.result().points());
                    if (rec.result().submitted()) {
                        own.put(x, rec.result().score());
                    }
                });
            } else {
                for (ExerciseScore sc : Gradebook.scores(course, r, received)) {
                    if (r.records().get(sc.exercise()).result().submitted()) {
                        own.put(sc.exercise(), sc.finalScore());
                    }
                }
            }
            scores.put(r.id(), own);
        }
        AtomicFiles.write(target, csv(format, exercises, points, scores, match));
        return new Written(match, List.copyOf(notGraded));
    }

    /**
     * The file's text. {@code scores}: per submission id the score of each exercise (absent: not
     * submitted or not graded, an empty cell); {@code points}: each exercise's points. The plain
     * CSV's total adds the scores there are (as gradebook.csv's does), empty for a student with none.
     */
    public static String csv(Format format, List<String> exercises, Map<String, Double> points,
                             Map<String, Map<String, Double>> scores, RosterMatch roster) {
        StringBuilder sb = new StringBuilder(format == Format.CSV ? "\uFEFF" : "");
        Map<String, String> submissionOf = new java.util.HashMap<>();
        roster.bySubmission().forEach((id, s) -> submissionOf.put(s.id(), id));
        switch (format) {
            case CANVAS -> {
                row(sb, texts("Student", "ID", "SIS User ID", "SIS Login ID", "Section"), exercises.stream().map(Gradebook::text).toList());
                row(sb, texts("    Points Possible", "", "", "", ""), exercises.stream().map(x -> Gradebook.number(points.get(x))).toList());
                for (RosterFile.Enrolled s : roster.roster().students()) {
                    row(sb, texts(s.name(), "", s.sisId(), s.email(), s.section()), cells(exercises, scores.get(submissionOf.get(s.id()))));
                }
            }
            case MOODLE -> {
                row(sb, texts("First name", "Last name", "ID number", "Email address"), exercises.stream().map(Gradebook::text).toList());
                for (RosterFile.Enrolled s : roster.roster().students()) {
                    String[] name = firstAndLast(s.name());
                    row(sb, texts(name[0], name[1], s.sisId(), s.email()), cells(exercises, scores.get(submissionOf.get(s.id()))));
                }
            }
            case CSV -> {
                List<String> tail = new ArrayList<>(exercises.stream().map(Gradebook::text).toList());
                tail.add(Gradebook.text("total"));
                row(sb, texts("student", "name", "email", "section", "sis_id"), tail);
                for (RosterFile.Enrolled s : roster.roster().students()) {
                    Map<String, Double> own = scores.get(submissionOf.get(s.id()));
                    row(sb, texts(s.id(), s.name(), s.email(), s.section(), s.sisId()), withTotal(exercises, own));
                }
                for (String id : roster.unknown()) {
                    row(sb, texts(id, "", "", "", ""), withTotal(exercises, scores.get(id)));
                }
            }
        }
        return sb.toString();
    }

    /** "Last, First" as registrars write it, else the last word is the last name. */
    static String[] firstAndLast(String name) {
        int comma = name.indexOf(',');
        if (comma >= 0) {
            return new String[] {name.substring(comma + 1).strip(), name.substring(0, comma).strip()};
        }
        int space = name.strip().lastIndexOf(' ');
        return space < 0 ? new String[] {name.strip(), ""} : new String[] {name.strip().substring(0, space).strip(), name.strip().substring(space + 1)};
    }

    private static List<String> texts(String... cells) {
        return java.util.Arrays.stream(cells).map(Gradebook::text).toList();
    }

    private static List<String> cells(List<String> exercises, Map<String, Double> own) {
        return exercises.stream().map(x -> own == null || own.get(x) == null ? "" : Gradebook.number(own.get(x))).toList();
    }

    private static List<String> withTotal(List<String> exercises, Map<String, Double> own) {
        List<String> cells = new ArrayList<>(cells(exercises, own));
        boolean any = own != null && exercises.stream().map(own::get).anyMatch(Objects::nonNull);
        cells.add(any ? Gradebook.number(Math.round(exercises.stream().map(own::get).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum() * 100) / 100.0) : "");
        return cells;
    }

    private static void row(StringBuilder sb, List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        sb.append(String.join(",", all)).append("\r\n");
    }
}
