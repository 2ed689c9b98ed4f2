package racecourse.kernel.install;

import racecourse.kernel.Cell;
import racecourse.kernel.CellAdapter;
import racecourse.kernel.Interpreter;
import racecourse.kernel.jshell.JShellInterpreter;

/**
 * {@code racecourse.kernel.Main --train}: runs a few cells with no front end and exits, so that
 * the JVM writes the class-data archive named in the kernelspec. Every later kernel start maps
 * javac's and JShell's classes from it instead of loading them, which is most of a first cell.
 */
public final class Training {
    private Training() {
    }

    public static int run() {
        Cell silent = new CellAdapter() {
        };
        try (JShellInterpreter interpreter = new JShellInterpreter()) {
            for (String cell : new String[] {"int x = 0;", "x = x + 1;", "x", "String s = \"a\" + x; s.length()",
                    "int twice(int v) { return 2 * v; }", "twice(x)", "%%javac\npackage training;\npublic class T { }",
                    "display(html(\"<b>x</b>\"));", "List.of(1, 2).stream().map(i -> i * 2).toList()"}) {
                Interpreter.Outcome o = interpreter.execute(cell, silent);
                if (o instanceof Interpreter.Outcome.Failed f) {
                    System.err.println("racecourse kernel: training cell failed: " + f.value());
                    return 1;
                }
            }
            interpreter.complete("Math.ma", 7);
            interpreter.inspect("Math.max(", 9, 0);
        }
        return 0;
    }
}
