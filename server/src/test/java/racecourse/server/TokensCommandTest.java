package racecourse.server;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import racecourse.server.cli.TokensCommand;
import racecourse.server.store.Database;
import racecourse.server.store.Store;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** racecourse tokens: one token per student without one, the instructor's, hashes only kept, formulas defused. */
class TokensCommandTest {
    @TempDir
    Path dir;

    private List<CSVRecord> tokens(String... extra) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            String[] args = new String[4 + extra.length];
            System.arraycopy(new String[] {"--roster", dir.resolve("roster.csv").toString(), "--data", dir.resolve("data").toString()}, 0, args, 0, 4);
            System.arraycopy(extra, 0, args, 4, extra.length);
            status = new CommandLine(new TokensCommand()).execute(args);
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, status);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void issuesOnceStoresHashesAndDefusesFormulas() throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "id,name,email,section\nalice,\"=HYPERLINK(\"\"http://x\"\")\",a@example.org,1\n"
                + "bob,\"Bob, Jr.\",b@example.org,1\n");
        List<CSVRecord> first = tokens();
        assertEquals(List.of("alice", "bob", "@instructor"), first.stream().map(r -> r.get("id")).toList());
        assertEquals("'=HYPERLINK(\"http://x\")", first.get(0).get("name"));
        assertEquals("Bob, Jr.", first.get(1).get("name"));
        assertTrue(tokens().isEmpty(), "a second run issues nothing: everyone has a token");
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("data")))) {
            Store store = new Store(db);
            String aliceToken = first.get(0).get("token");
            assertEquals("alice", store.byToken(aliceToken).orElseThrow().id());
            try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery("SELECT token_hash FROM principals WHERE id = 'alice'")) {
                r.next();
                assertEquals(racecourse.server.store.Tokens.hash(aliceToken), r.getString(1), "only the hash is kept");
            }
            List<CSVRecord> again = tokens("--student", "alice");
            assertEquals(1, again.size());
            assertTrue(store.byToken(aliceToken).isEmpty(), "the reissued token replaces the old one");
            assertEquals("alice", store.byToken(again.get(0).get("token")).orElseThrow().id());
        }
    }
}
