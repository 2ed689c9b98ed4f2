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
    static final int ROUNDS = 5;
    private static final String[] CELLS = {"int x = 0;", "x = x + 1;", "x", "String s = \"a\" + x; s.length()",
            "int twice(int v) { return 2 * v; }", "twice(x)", "display(html(\"<b>x</b>\"));",
            "List.of(1, 2).stream().map(i -> i * 2).toList()"};

    private Training() {
    }

    /** Runs the training cells; says on {@code console} which one failed, if any. */
    public static int run(java.io.PrintStream console) {
        Cell silent = new CellAdapter() {
        };
        try (JShellInterpreter interpreter = new JShellInterpreter()) {
            if (!ran(interpreter, silent, console, "%%javac\npackage training;\npublic class T { }")) {
                return 1;
            }
            // A few rounds, so that the JDK 25 cache also records method profiles (JEP 515). More
            // rounds (25 were tried) made installs slower without making trivial cells faster.
            for (int round = 0; round < ROUNDS; round++) {
                for (String cell : CELLS) {
                    if (!ran(interpreter, silent, console, cell)) {
                        return 1;
                    }
                }
            }
            interpreter.complete("Math.ma", 7);
            interpreter.inspect("Math.max(", 9, 0);
        }
        return 0;
    }

    private static boolean ran(JShellInterpreter interpreter, Cell cell, java.io.PrintStream console, String code) {
        if (interpreter.execute(code, cell) instanceof Interpreter.Outcome.Failed f) {
            console.println("racecourse kernel: training cell " + code.lines().findFirst().orElse("") + " failed: "
                    + f.name() + ": " + f.value());
            return false;
        }
        return true;
    }
}
