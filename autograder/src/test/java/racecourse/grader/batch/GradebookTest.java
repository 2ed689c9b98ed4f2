package racecourse.grader.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV cells a spreadsheet reads as text, never as a formula, whatever the student named a folder. */
class GradebookTest {
    @Test
    void textIsQuotedWithQuotesDoubled() {
        assertEquals("\"a, \"\"b\"\"\nc\"", Gradebook.text("a, \"b\"\nc"));
        assertEquals("\"d a \u00fc\"", Gradebook.text("d a \u00fc"));
    }

    @Test
    void formulaStartsGetAnApostrophe() {
        for (String s : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =HYPERLINK(\"x\")"}) {
            assertEquals('\'', Gradebook.text(s).charAt(1), s);
        }
        assertEquals("\"alice\"", Gradebook.text("alice"));
    }

    @Test
    void numbersAreLocaleFree() {
        assertEquals("7.50", Gradebook.number(7.5));
        assertEquals("10", Gradebook.number(10));
        assertEquals("3.33", Gradebook.number(3.333));
    }
}
