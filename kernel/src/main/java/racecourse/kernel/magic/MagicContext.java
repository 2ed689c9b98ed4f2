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
}
