package racecourse.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roster against what a regrade saw: each submission id's enrolled student, the ids in ROOT no
 * one on the roster has ({@code unknown}: still graded, never dropped), and the enrolled students of
 * the run's shard with no submission ({@code missing}). Ids compare as {@link Shard#normal} does.
 * The regrade keeps a copy of the roster it was given in {@code OUT/roster.csv}, so that merge,
 * export and every later report see the same one.
 */
public record RosterMatch(RosterFile roster, Map<String, RosterFile.Enrolled> bySubmission, List<String> unknown,
                          List<RosterFile.Enrolled> missing) {
    public static final String FILE = "roster.csv";

    public static RosterMatch of(RosterFile roster, Manifest m) {
        Map<String, RosterFile.Enrolled> byId = roster.byId();
        Map<String, RosterFile.Enrolled> bySubmission = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Manifest.Entry e : m.students()) {
            RosterFile.Enrolled s = byId.remove(Shard.normal(e.id()));
            if (s == null) {
                unknown.add(e.id());
            } else {
                bySubmission.put(e.id(), s);
            }
        }
        Shard shard = m.shardSpec();
        List<RosterFile.Enrolled> missing = byId.values().stream().filter(s -> shard.contains(s.id())).toList();
        return new RosterMatch(roster, bySubmission, List.copyOf(unknown), missing);
    }

    /** The roster kept in OUT by the regrade that was given one, matched to OUT's manifest. */
    public static Optional<RosterMatch> stored(Path out, Manifest m) throws IOException {
        Path p = out.resolve(FILE);
        return Files.isRegularFile(p) ? Optional.of(of(RosterFile.read(p), m)) : Optional.empty();
    }

    /** Keeps the (already validated) roster in OUT, whole. */
    public static void store(Path roster, Path out) throws IOException {
        AtomicFiles.write(out.resolve(FILE), Files.readAllBytes(roster));
    }

    /** One line per problem, for stderr: each unknown id and each enrolled student without a submission. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        unknown.forEach(id -> lines.add("not on the roster: " + Roster.printable(id) + " (graded; add them to the roster to export their grade)"));
        missing.forEach(s -> lines.add("no submission: " + Roster.printable(s.id()) + " (" + Roster.printable(s.name()) + ", "
                + Roster.printable(s.email()) + ")"));
        return lines;
    }
}
