package racecourse.server.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.grader.batch.RosterFile;
import racecourse.server.store.Database;
import racecourse.server.store.Principal;
import racecourse.server.store.Store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code racecourse tokens}: issues tokens and prints them as CSV (id, name, email, token) for a
 * mail merge. Only their hashes are stored, so this is the one time they are seen: a student
 * who already has one keeps it unless {@code --reissue}.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Issue the service's tokens and print them as CSV (id,name,email,token) for a mail merge: one per student of --roster without one (all with --reissue), and the instructor's (id @instructor).")
public final class TokensCommand implements Callable<Integer> {
    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "roster.csv, as for serve.")
    Path roster;

    @Option(names = "--data", paramLabel = "DIR", description = "As for serve (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("racecourse-data");

    @Option(names = "--db", paramLabel = "URL", description = "As for serve (default: DIR/racecourse.db).")
    String db;

    @Option(names = "--reissue", description = "New tokens for everyone; the old ones stop working.")
    boolean reissue;

    @Option(names = "--student", paramLabel = "ID", description = "Only this student (or @instructor); always a new token.")
    String student;

    @Override
    public Integer call() throws Exception {
        RosterFile students = RosterFile.read(roster);
        try (Database database = Database.open(db != null ? db : Database.defaultUrl(data))) {
            return issue(students, new Store(database));
        }
    }

    private int issue(RosterFile students, Store store) throws Exception {
        store.enrol(students);
        Map<String, RosterFile.Enrolled> byId = students.byId();
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        int issued = 0;
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "name", "email", "token").get())) {
            for (Principal p : store.principals()) {
                boolean wanted = student != null ? p.id().equals(student) : reissue || !store.hasToken(p.id());
                if (!wanted) {
                    continue;
                }
                RosterFile.Enrolled e = byId.get(p.id());
                csv.printRecord(p.id(), cell(p.name()), e == null ? "" : cell(e.email()), store.issueToken(p.id()));
                issued++;
            }
        }
        if (student != null && issued == 0) {
            throw new IllegalArgumentException("--student " + student + ": not in the roster");
        }
        System.err.println("racecourse tokens: " + issued + " issued; only their hashes are kept, so keep this output safe");
        return 0;
    }

    /** A text cell a spreadsheet opens as text: one starting = + - @ (a formula) gets a leading apostrophe. */
    static String cell(String s) {
        String stripped = s.stripLeading();
        return !stripped.isEmpty() && "=+-@\t\r".indexOf(stripped.charAt(0)) >= 0 ? "'" + s : s;
    }
}
