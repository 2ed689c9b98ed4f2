package racecourse.kernel.jshell;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Warms javac and the JIT on a scratch JShell in the background after start, so that a trivial
 * cell costs milliseconds from the first minute instead of after a hundred cells. It yields to real
 * cells: while one runs, the warm-up waits. The student's session never sees these snippets.
 */
final class Warmup implements Runnable {
    static final int ROUNDS = 150;
    private static final String[] SNIPPETS = {
            "x = x + 1;", "x", "String s = \"a\" + x;", "int f(int a) { return a * 2; }", "f(x)",
            "for (int i = 0; i < 3; i++) { x += i; }", "java.util.List<Integer> l = java.util.List.of(1, 2);",
    };

    private final AtomicBoolean cellRunning;
    private volatile boolean stopped;

    private final Thread thread;

    /** Call on a kernel thread: the warm-up thread takes the creating thread's group. */
    Warmup(AtomicBoolean cellRunning) {
        this.cellRunning = cellRunning;
        this.thread = new Thread(this, "racecourse-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    void startInBackground() {
        thread.start();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (JShell scratch = JShell.builder().executionEngine(new KernelExecutionProvider(), Map.of())
                .out(quiet).err(quiet).build()) {
            SourceCodeAnalysis sca = scratch.sourceCodeAnalysis();
            scratch.eval("int x = 0;");
            for (int i = 0; i < ROUNDS && !stopped; i++) {
                while (cellRunning.get() && !stopped) {
                    LockSupport.parkNanos(5_000_000);
                }
                String snippet = SNIPPETS[i % SNIPPETS.length];
                sca.analyzeCompletion(snippet);
                scratch.eval(snippet);
                if (i % 10 == 0) {
                    sca.completionSuggestions("Math.ma", 7, new int[1]);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Warm-up is an optimisation; a failure here must never reach a student.
        }
    }
}
