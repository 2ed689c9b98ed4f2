package racecourse.grader.model;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child → grader codec: every event survives a round trip; every bad line is rejected with its reason. */
class ChildEventsTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void everyKindOfEventRoundTrips() throws Exception {
        List<ChildEvent> all = List.of(new ChildEvent.Started("SafeCounterPublicTest#noLostUpdates"),
                new ChildEvent.Passed("A#b", 12), new ChildEvent.Failed("A#c", "race", "lost \"1\"\nline two ü <&>", 7),
                new ChildEvent.Fatal("resources", "more than 400 live threads", ""),
                new ChildEvent.ContainerFailed("AHiddenTest", "functional", "static init"), new ChildEvent.Done(),
                new ChildEvent.LincheckTrace("= Invalid execution results =", 3), new ChildEvent.LincheckNoFailure(4),
                new ChildEvent.LincheckError("boom", 5));
        StringBuilder file = new StringBuilder();
        for (ChildEvent e : all) {
            String line = ChildEvents.encode(TOKEN, e);
            assertEquals(e, ChildEvents.decode(TOKEN, line), line);
            assertTrue(!line.contains("\n"), "one line: " + line);
            file.append(line).append('\n');
        }
        ChildEvents.Read read = ChildEvents.read(new StringReader(file.toString()), TOKEN);
        assertEquals(all, read.events());
        assertEquals(List.of(), read.rejected());
        assertEquals(List.of(new ChildEvent.Passed("A#b", 12)), read.of(ChildEvent.Passed.class));
    }

    @Test
    void badLinesAreRejectedWithTheirReasonAndTheRestKept() throws Exception {
        String good = ChildEvents.encode(TOKEN, new ChildEvent.Passed("A#b", 1));
        String huge = "{\"token\":\"" + TOKEN + "\",\"kind\":\"passed\",\"test\":\"" + "x".repeat(ChildEvents.MAX_LINE_CHARS) + "\"}";
        String file = String.join("\n",
                ChildEvents.encode("ffffffffffffffffffffffffffffffff", new ChildEvent.Passed("A#forged", 1)),
                "{\"token\":\"" + TOKEN + "\",\"kind\":\"passed\",",
                "[1, 2]",
                "{\"token\":\"" + TOKEN + "\",\"kind\":\"explode\"}",
                "{\"token\":\"" + TOKEN + "\",\"kind\":\"failed\",\"test\":\"A#c\",\"message\":\"m\",\"millis\":1}",
                "{\"token\":\"" + TOKEN + "\",\"kind\":\"passed\",\"test\":\"A#d\",\"millis\":\"soon\"}",
                huge,
                "",
                good) + "\n\u0000 printed by a submission without a newline";
        ChildEvents.Read read = ChildEvents.read(new StringReader(file), TOKEN);
        assertEquals(List.of(new ChildEvent.Passed("A#b", 1)), read.events());
        List<String> r = read.rejected();
        assertEquals(8, r.size(), r.toString());
        assertEquals("line 1: not carrying this run's token", r.get(0));
        assertTrue(r.get(1).startsWith("line 2: not JSON"), r.get(1));
        assertEquals("line 3: not a JSON object", r.get(2));
        assertEquals("line 4: unknown kind \"explode\"", r.get(3));
        assertTrue(r.get(4).startsWith("line 5: a failed event with a missing or wrong field (verdict"), r.get(4));
        assertTrue(r.get(5).startsWith("line 6: a passed event with a missing or wrong field"), r.get(5));
        assertEquals("line 7: longer than " + ChildEvents.MAX_LINE_CHARS + " characters", r.get(6));
        assertTrue(r.get(7).startsWith("line 10: "), r.get(7));
    }

    @Test
    void manyBadLinesAreCountedNotListed() throws Exception {
        String file = "not json\n".repeat(ChildEvents.MAX_REASONS + 5);
        List<String> r = ChildEvents.read(new StringReader(file), TOKEN).rejected();
        assertEquals(ChildEvents.MAX_REASONS + 1, r.size());
        assertEquals("and 5 more lines rejected", r.get(r.size() - 1));
    }

    @Test
    void aSingleLineIsCheckedTheSameWay() {
        ChildEvents.Rejected e = assertThrows(ChildEvents.Rejected.class, () -> ChildEvents.decode(TOKEN, "{\"kind\":\"done\"}"));
        assertEquals("not carrying this run's token", e.getMessage());
    }
}
