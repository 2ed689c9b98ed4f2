package racecourse.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code racecourse merge DIR1 DIR2 … --out DIR}: the outputs of the shards of one regrade become
 * one. It checks that they belong together (same seed, confirmations, exercises, grader version
 * and ROOT; each shard 1..N exactly once; every student of every shard fully graded), copies the
 * records and student folders, writes the union's manifest as if one run had graded everyone, and
 * builds the gradebook with the same code as a run: the same bytes as a single run.
 */
public final class Merge {
    private Merge() {
    }

    public static Manifest merge(List<Path> dirs, Path out) throws IOException {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("merge needs the output folders of the shards");
        }
        Path outAbs = out.toAbsolutePath().normalize();
        List<Manifest> manifests = new ArrayList<>();
        for (Path d : dirs) {
            if (d.toAbsolutePath().normalize().equals(outAbs)) {
                throw new IllegalArgumentException("--out " + out + " is one of the shards; merge into a new folder");
            }
            manifests.add(Manifest.read(d));
        }
        Manifest first = manifests.get(0);
        int n = first.shardSpec().n();
        Map<Integer, Path> seen = new TreeMap<>();
        for (int i = 0; i < dirs.size(); i++) {
            Manifest m = manifests.get(i);
            Path d = dirs.get(i);
            String differs = m.seed() != first.seed() ? "seed " + m.seed() + " vs " + first.seed()
                    : m.confirm() != first.confirm() ? "--confirm " + m.confirm() + " vs " + first.confirm()
                    : !m.exercises().equals(first.exercises()) ? "exercises " + m.exercises() + " vs " + first.exercises()
                    : !m.graderVersion().equals(first.graderVersion()) ? "grader version " + m.graderVersion() + " vs " + first.graderVersion()
                    : !m.roster().equals(first.roster()) ? "ROOT contents (roster " + m.roster() + " vs " + first.roster() + ")"
                    : m.shardSpec().n() != n ? "number of shards " + m.shardSpec().n() + " vs " + n : null;
            if (differs != null) {
                throw new IllegalArgumentException(d + " and " + dirs.get(0) + " are not shards of one regrade: " + differs);
            }
            Path before = seen.put(m.shardSpec().k(), d);
            if (before != null) {
                throw new IllegalArgumentException("shard " + m.shard() + " given twice: " + before + " and " + d);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!seen.containsKey(k)) {
                missing.add(k + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shard " + String.join(", ", missing) + " missing: pass every shard's output folder");
        }
        for (int i = 0; i < dirs.size(); i++) {
            Manifest m = manifests.get(i);
            RecordStore store = new RecordStore(dirs.get(i));
            long incomplete = Row.of(m, store).stream().filter(r -> r.problem() == null && !r.graded()).count();
            if (incomplete > 0) {
                throw new IllegalArgumentException("shard " + m.shard() + " in " + dirs.get(i) + " is not finished (" + incomplete
                        + " students not fully graded): run its regrade again, then merge");
            }
        }
        List<Manifest.Entry> students = new ArrayList<>();
        RecordStore target = new RecordStore(out);
        for (int i = 0; i < dirs.size(); i++) {
            Path d = dirs.get(i);
            for (Manifest.Entry e : manifests.get(i).students()) {
                students.add(e);
                copyIfPresent(d.resolve(e.id()).resolve("results.json"), out.resolve(e.id()).resolve("results.json"));
                copyIfPresent(d.resolve(e.id()).resolve("feedback.md"), out.resolve(e.id()).resolve("feedback.md"));
                copyIfPresent(d.resolve(e.id()).resolve("feedback.html"), out.resolve(e.id()).resolve("feedback.html"));
                if (e.problem() == null) {
                    for (String x : first.exercises()) {
                        Path src = new RecordStore(d).path(e.id(), x);
                        AtomicFiles.write(target.path(e.id(), x), Files.readAllBytes(src));
                    }
                }
            }
        }
        students.sort(Comparator.comparing(Manifest.Entry::id));
        Manifest merged = new Manifest(Manifest.FORMAT, Shard.ALL.toString(), first.seed(), first.confirm(), first.exercises(),
                first.graderVersion(), first.roster(), students, first.ignored());
        merged.write(out);
        // Every shard read the same ROOT, so the same receive times: keep one copy for rescore.
        copyIfPresent(ReceivedTimes.path(dirs.get(0)), ReceivedTimes.path(out));
        // The roster the shards were regraded with (the first shard's; each was given the same file).
        copyIfPresent(dirs.get(0).resolve(RosterMatch.FILE), out.resolve(RosterMatch.FILE));
        ClassReport.write(out, merged, target);
        return merged;
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from) && !Objects.equals(from.toAbsolutePath(), to.toAbsolutePath())) {
            AtomicFiles.write(to, Files.readAllBytes(from));
        }
    }
}
