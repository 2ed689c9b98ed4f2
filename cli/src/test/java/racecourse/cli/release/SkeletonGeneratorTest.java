package racecourse.cli.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkeletonGeneratorTest {
    private static String lines(String... ls) {
        return String.join("\n", ls) + "\n";
    }

    @Test
    void replacesARegionByATodoWithItsIndentation() {
        String in = lines(
                "class A {",
                "    void f() {",
                "        int x = 1;",
                "        // BEGIN SOLUTION",
                "        x++;",
                "        x--;",
                "        // END SOLUTION",
                "    }",
                "}");
        assertEquals(lines(
                "class A {",
                "    void f() {",
                "        int x = 1;",
                "        // TODO",
                "    }",
                "}"), SkeletonGenerator.strip(in));
    }

    @Test
    void theThrowVariantAddsAThrowLine() {
        String in = lines(
                "\tint f() {",
                "\t\t// BEGIN SOLUTION (throw)",
                "\t\treturn 42;",
                "\t\t// END SOLUTION",
                "\t}");
        assertEquals(lines(
                "\tint f() {",
                "\t\t// TODO",
                "\t\tthrow new UnsupportedOperationException(\"TODO\");",
                "\t}"), SkeletonGenerator.strip(in));
    }

    @Test
    void severalRegionsAndAnEmptyRegion() {
        String in = lines("a", "// BEGIN SOLUTION", "// END SOLUTION", "b", "  // BEGIN SOLUTION", "x", "  // END SOLUTION", "c");
        assertEquals(lines("a", "// TODO", "b", "  // TODO", "c"), SkeletonGenerator.strip(in));
    }

    @Test
    void markersMayHaveTrailingBlanks() {
        assertEquals(lines("// TODO"), SkeletonGenerator.strip(lines("// BEGIN SOLUTION  ", "x", "// END SOLUTION\t")));
    }

    @Test
    void textWithoutMarkersIsUnchanged() {
        String in = "package p;\r\n\r\nclass A { String s = \"// TODO\"; }\n// a comment\nno final newline";
        assertEquals(in, SkeletonGenerator.strip(in));
        assertFalse(SkeletonGenerator.hasRegions(in));
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals("", SkeletonGenerator.strip(""));
        assertFalse(SkeletonGenerator.hasRegions(""));
    }

    @Test
    void keepsWindowsLineEndings() {
        String in = "a\r\n  // BEGIN SOLUTION (throw)\r\n  x\r\n  // END SOLUTION\r\nb\r\n";
        assertEquals("a\r\n  // TODO\r\n  " + SkeletonGenerator.THROW + "\r\nb\r\n", SkeletonGenerator.strip(in));
    }

    @Test
    void aRegionAtTheEndOfAFileWithoutFinalNewline() {
        assertEquals("a\n// TODO\n", SkeletonGenerator.strip("a\n// BEGIN SOLUTION\nx\n// END SOLUTION"));
    }

    @Test
    void anUnclosedRegionIsAnErrorAtItsBeginLine() {
        var e = assertThrows(SkeletonGenerator.MarkerException.class,
                () -> SkeletonGenerator.strip(lines("a", "b", "  // BEGIN SOLUTION", "x")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void anEndWithoutBeginIsAnError() {
        var e = assertThrows(SkeletonGenerator.MarkerException.class,
                () -> SkeletonGenerator.strip(lines("a", "// END SOLUTION")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("without a BEGIN"), e.getMessage());
    }

    @Test
    void nestedRegionsAreAnError() {
        var e = assertThrows(SkeletonGenerator.MarkerException.class, () -> SkeletonGenerator.strip(lines(
                "// BEGIN SOLUTION", "x", "    // BEGIN SOLUTION (throw)", "y", "// END SOLUTION", "// END SOLUTION")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("opened at line 1"), e.getMessage());
    }

    @Test
    void aMalformedMarkerIsAnErrorNotSilentlyKept() {
        for (String bad : new String[] {"//BEGIN SOLUTION", "// begin solution", "// END SOLUTIONS",
                "// BEGIN SOLUTION (throws)", "/* BEGIN SOLUTION */", "// BEGIN_SOLUTION"}) {
            var e = assertThrows(SkeletonGenerator.MarkerException.class,
                    () -> SkeletonGenerator.strip(lines("a", bad, "x", "// END SOLUTION")), bad);
            assertEquals(2, e.line(), bad);
            assertTrue(e.getMessage().contains("malformed marker"), e.getMessage());
        }
    }

    @Test
    void markersInsideStringLiteralsOrAfterCodeAreNotMarkers() {
        // Documented limit: only a line holding nothing but the marker counts. So a marker inside
        // a string literal, or after code on the same line, is copied like any other text.
        String in = lines(
                "String s = \"// BEGIN SOLUTION\";",
                "int x = 1; // END SOLUTION",
                "char[] c = {'/', '/'}; String t = \"\"\"",
                "   not a marker: // BEGIN SOLUTION is mentioned here",
                "   \"\"\";");
        assertEquals(in, SkeletonGenerator.strip(in));
        // ... but a text block line holding only a marker would be taken as one: do not write one.
        assertEquals(lines("String t = \"\"\"", "  // TODO", "  \"\"\";"), SkeletonGenerator.strip(lines(
                "String t = \"\"\"", "  // BEGIN SOLUTION", "  // END SOLUTION", "  \"\"\";")));
    }

    @Test
    void theSolutionTextDoesNotLeakIntoTheSkeleton() {
        String out = SkeletonGenerator.strip(lines("class A {", "  // BEGIN SOLUTION", "  secret();", "  // END SOLUTION", "}"));
        assertFalse(out.contains("secret"));
        assertFalse(out.contains("SOLUTION"));
    }

    @Test
    @Timeout(20)
    void handlesHugeInputInLinearTime() {
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            in.append("    // BEGIN SOLUTION\n    line ").append(i).append(";\n    // END SOLUTION\nkeep ").append(i).append('\n');
            expected.append("    // TODO\nkeep ").append(i).append('\n');
        }
        in.append("x".repeat(5_000_000)).append('\n');          // and one very long line
        expected.append("x".repeat(5_000_000)).append('\n');
        assertEquals(expected.toString(), SkeletonGenerator.strip(in.toString()));
    }

    @Test
    void generateAddsTheHeader() {
        String out = SkeletonGenerator.generate("Foo.java", lines("package exercises;", "// BEGIN SOLUTION", "x", "// END SOLUTION"));
        assertTrue(out.startsWith(SkeletonGenerator.HEADER_PREFIX + "src/main/java/exercises/Foo.java by `bin/racecourse release`."), out);
        assertTrue(out.contains("exercises/Foo.md"), out);
        assertTrue(out.endsWith(lines("package exercises;", "// TODO")), out);
    }
}
