package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;

import java.nio.file.Path;
import java.util.List;

/** What a magic may do to the Java session it runs in. */
public interface MagicContext {
    Cell cell();

    /** Evaluates Java code as if it were cell code starting at cell line {@code line}. */
    Outcome eval(String code, int line);

    /** Adds a folder or jar to the class path of the session (compiler and runtime). */
    void addToClasspath(Path entry);

    /** The session's class path, for compiling against it. */
    List<Path> classpath();

    /**
     * Makes freshly compiled classes in {@code classes} visible to cell code. Classes whose names
     * were loaded before cannot be replaced in a running JVM class loader, so that case starts a
     * new Java session (the caller is told, to tell the student).
     *
     * @return true if the session had to be restarted
     */
    boolean addCompiledClasses(Path classes, List<String> classNames);

    /** A new empty folder for generated files of this session. */
    Path newWorkFolder(String prefix);

    Magics magics();

    /** Threads that cells started and that are still alive. */
    racecourse.kernel.threads.CellThreads threads();

    racecourse.kernel.threads.Watchdog watchdog();

    /** Where in cell code a thread is now, e.g. "worker (cell [3] line 4)", or "". */
    String whereIs(Thread t);

    /**
     * Evaluates a variable declaration quietly and returns the variable's object; empty if the code
     * does not compile or fails.
     */
    java.util.Optional<Object> declare(String variableDeclaration);

    /** Evaluates code with its output going to {@code into}, returning the trailing value if any. */
    Outcome evalForValue(String code, int line, Cell into);
}
