package racecourse.grader.explain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shortened trace of a real Lincheck report (corpus SafeCounter/lost-update), and the line cap. */
class TraceShortenerTest {
    private static String report(String name) throws IOException {
        try (InputStream in = TraceShortenerTest.class.getResourceAsStream("/lincheck/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheThreadsTheSubmissionsStepsInOrderAndTheBrokenResult() throws IOException {
        String text = TraceShortener.shorten("INTRO", "SafeCounter", "counter", report("safecounter-lost-update.txt"));
        List<String> lines = text.lines().toList();
        assertEquals("INTRO", lines.get(0));
        // Both threads read 0 before either writes 1: the lost update, step by step, with the submission's line.
        List<String> steps = lines.stream().filter(l -> l.contains("count ➜ 0") || l.contains("count = 1")).toList();
        assertEquals(4, steps.size(), text);
        assertTrue(steps.get(0).contains("Thread 2") && steps.get(1).contains("Thread 1")
                && steps.get(2).contains("Thread 1") && steps.get(3).contains("Thread 2"), text);
        assertTrue(steps.stream().allMatch(l -> l.endsWith("SafeCounter.java:12")), text);
        assertTrue(text.contains("Thread 1  counter.increment()") && text.contains("Thread 2  counter.increment()"), text);
        assertTrue(text.contains("main      counter.get(): 1"), text);
        assertEquals("Result: two threads called increment() once each, but get() returned 1", lines.get(lines.size() - 1));
        // Lincheck's and the scenario's bookkeeping is left out.
        assertFalse(text.contains("Workers") || text.contains("join") || text.contains("switch") || text.contains("run()")
                || text.contains("Incrementer") || text.contains("BrokenInvariant"), text);
    }

    @Test
    void aLongTraceIsCutToFortyLinesKeepingItsEnd() {
        String rule = "| " + "-".repeat(70) + " |\n";
        StringBuilder report = new StringBuilder("= Concurrent test failed =\n\njava.lang.IllegalStateException: boom\n\n"
                + "Detailed trace:\n" + rule + String.format("| %-30s | %-37s |%n", "Main Thread", "Thread 1") + rule);
        for (int i = 0; i < 100; i++) {
            report.append(String.format("| %-30s | %-37s |%n", "", "  x = " + i + " at Q.put(Q.java:" + (i + 1) + ")"));
        }
        report.append(rule);
        String text = TraceShortener.shorten("INTRO", "Q", "q", report.toString());
        List<String> lines = text.lines().toList();
        assertEquals(TraceShortener.MAX_LINES, lines.size(), text);
        assertTrue(text.contains("x = 0") && text.contains("x = 99") && text.contains("more steps"), text);
        assertEquals("Result: java.lang.IllegalStateException: boom", lines.get(lines.size() - 1));
    }

    @Test
    void aReportWithoutATableIsShownAsItIsCut() {
        String text = TraceShortener.shorten("INTRO", "Q", "q", "= The execution has hung =\n" + "line\n".repeat(100));
        assertTrue(text.lines().count() <= TraceShortener.MAX_LINES, text);
        assertTrue(text.contains("Result: The execution has hung"), text);
    }
}
