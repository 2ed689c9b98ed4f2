package racecourse.grader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import racecourse.grader.harness.Checks;
import racecourse.results.Verdict;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A statement is a contract: every rule it states has a test, every test checks a stated rule, and
 * its table "What the grader checks" lists each test (public and hidden) with the rules, verdicts and
 * time bound that the test's {@link Checks} annotation declares.
 */
class StatementTablesTest {
    static final Path EXERCISES = Grading.HOME.resolve("exercises");
    static final String TABLE_HEADING = "## What the grader checks";
    static final Pattern RULE = Pattern.compile("^- \\*\\*(R\\d+)\\.\\*\\*", Pattern.MULTILINE);

    /** One row of the statement's table. */
    record Row(String test, String suite, Set<String> rules, Set<Verdict> verdicts, String bound) {
    }

    @TestFactory
    Stream<DynamicTest> everyStatementMatchesItsSuites() {
        return Catalog.EXERCISES.stream().map(x -> DynamicTest.dynamicTest(x, () -> check(x)));
    }

    static void check(String exercise) throws Exception {
        String statement = Files.readString(EXERCISES.resolve(exercise + ".md"), StandardCharsets.UTF_8);
        Set<String> stated = rules(statement);
        assertFalse(stated.isEmpty(), exercise + ".md: no rule written as '- **R1.** ...' in its Rules section");
        Map<String, Row> table = table(exercise, statement);
        Map<String, Row> tests = new LinkedHashMap<>();
        collect(tests, "public", Class.forName("exercises.tests." + exercise + "PublicTest"));
        collect(tests, "hidden", Class.forName(racecourse.grader.harness.Suites.HIDDEN_PACKAGE + "." + exercise + "HiddenTest"));

        assertEquals(new TreeSet<>(tests.keySet()), new TreeSet<>(table.keySet()),
                exercise + ".md: the table must list exactly the suites' tests (by display name)");
        for (Row t : tests.values()) {
            assertEquals(t, table.get(t.test()), exercise + ".md: the row of \"" + t.test() + "\" differs from its @Checks");
            assertTrue(stated.containsAll(t.rules()), exercise + ": \"" + t.test() + "\" checks rules "
                    + t.rules() + " but the statement states only " + stated);
        }
        Set<String> tested = tests.values().stream().flatMap(r -> r.rules().stream()).collect(Collectors.toSet());
        Set<String> untested = new TreeSet<>(stated);
        untested.removeAll(tested);
        assertTrue(untested.isEmpty(), exercise + ": rules " + untested + " are stated but no test checks them");
    }

    static Set<String> rules(String statement) {
        int at = statement.indexOf("## Rules");
        int end = statement.indexOf("\n## ", at + 1);
        String section = at < 0 ? "" : statement.substring(at, end < 0 ? statement.length() : end);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = RULE.matcher(section);
        while (m.find()) {
            assertTrue(out.add(m.group(1)), "rule " + m.group(1) + " is stated twice");
        }
        return out;
    }

    static Map<String, Row> table(String exercise, String statement) {
        int at = statement.indexOf(TABLE_HEADING);
        assertTrue(at >= 0, exercise + ".md has no section '" + TABLE_HEADING + "'");
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> lines = statement.substring(at).lines().skip(1).dropWhile(String::isBlank)
                .takeWhile(l -> l.startsWith("|")).toList();
        assertTrue(lines.size() >= 3, exercise + ".md: the table needs a header, a rule line and a row per test");
        assertEquals(List.of("test", "suite", "rules", "verdicts", "time bound"), cells(lines.get(0)),
                exercise + ".md: the table's columns");
        for (String line : lines.subList(2, lines.size())) {
            List<String> c = cells(line);
            if (c.size() != 5) {
                fail(exercise + ".md: a row needs 5 cells: " + line);
            }
            Row r = new Row(c.get(0), c.get(1), split(c.get(2)),
                    split(c.get(3)).stream().map(v -> Verdict.valueOf(v.toUpperCase(java.util.Locale.ROOT)))
                            .collect(Collectors.toCollection(TreeSet::new)), c.get(4));
            assertTrue(rows.put(r.test(), r) == null, exercise + ".md lists \"" + r.test() + "\" twice");
        }
        return rows;
    }

    static void collect(Map<String, Row> into, String suite, Class<?> suiteClass) {
        for (Method m : suiteClass.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(Test.class)) {
                continue;
            }
            DisplayName name = m.getAnnotation(DisplayName.class);
            Checks checks = m.getAnnotation(Checks.class);
            assertTrue(name != null, suiteClass.getSimpleName() + "." + m.getName() + " has no @DisplayName");
            assertTrue(checks != null, suiteClass.getSimpleName() + "." + m.getName() + " has no @Checks");
            Row r = new Row(name.value(), suite, new TreeSet<>(Arrays.asList(checks.rules())),
                    new TreeSet<>(Arrays.asList(checks.verdicts())), checks.bound());
            assertTrue(into.put(r.test(), r) == null, "two tests are named \"" + r.test() + "\"");
        }
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        s = s.substring(1, s.endsWith("|") ? s.length() - 1 : s.length());
        List<String> out = new ArrayList<>();
        for (String c : s.split("(?<!\\\\)\\|", -1)) {
            out.add(c.strip().replace("\\|", "|"));
        }
        return out;
    }

    private static Set<String> split(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
