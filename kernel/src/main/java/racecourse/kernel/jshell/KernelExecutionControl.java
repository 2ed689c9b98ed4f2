package racecourse.kernel.jshell;

import jdk.jshell.execution.LocalExecutionControl;
import racecourse.kernel.CellBytecode;
import racecourse.kernel.exit.ExitRewriter;
import racecourse.kernel.output.TaskRewriter;
import racecourse.kernel.threads.CellStopped;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The JDK's in-process execution engine with three changes for teaching concurrency:
 * <ul>
 * <li>snippet classes keep the JDK's stop-check weaving, but the checks ask whether <em>this
 * thread's cell</em> was stopped ({@link StopCheckClass}), so stopping one cell leaves other cells'
 * threads alone;</li>
 * <li>a snippet runs in a thread of the calling thread's group (the cell's group), so every thread it
 * starts can be found, and nothing the cell leaves running is joined or swallowed;</li>
 * <li>calls that would end the JVM are rewritten ({@link ExitRewriter}), and tasks handed to
 * executors remember their cell ({@link TaskRewriter});</li>
 * </ul>
 * and one addition: a variable's value as an object, for rich display.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    /** The method of a snippet class that runs the snippet (JShell's name for it). */
    private static final String DOIT_METHOD = "do_it$";
    /** The object behind the last {@link #varValue} call, read by the same thread right after. */
    private final ThreadLocal<Object> lastValue = new ThreadLocal<>();
    /** The snippet class JShell last ran on this thread, so that CompiledCode can run it again. */
    private final ThreadLocal<String> lastInvoked = new ThreadLocal<>();
    /** Run on the evaluating thread once a snippet is compiled, before it runs (see SnippetFrames). */
    private volatile Runnable beforeRun = () -> { };

    KernelExecutionControl() {
        try {
            addToClasspath(StopCheckClass.folder().toString());
        } catch (InternalException | EngineTerminationException e) {
            throw new IllegalStateException("cannot install the stop check: " + e.getMessage(), e);
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        super.load(Arrays.stream(cbcs)
                .map(c -> new ClassBytecodes(c.name(), CellBytecode.rewrite(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
    }

    @Override
    public String invoke(String className, String methodName) throws RunException,
            EngineTerminationException, InternalException {
        lastInvoked.set(className);
        beforeRun.run();
        return super.invoke(className, methodName);
    }

    /** Sets what runs on the evaluating thread between compiling a snippet and running it. */
    void beforeRun(Runnable action) {
        beforeRun = action;
    }

    /** Takes the name of the snippet class JShell last ran on this thread, or null. */
    String takeLastInvoked() {
        String name = lastInvoked.get();
        lastInvoked.remove();
        return name;
    }

    /** What running a snippet gave: its value, or what it threw. */
    record SnippetRun(Object value, Throwable failure) {
        String valueText() {
            return valueString(value);
        }
    }

    /**
     * Runs an already loaded snippet class again, as JShell's invoke would but without JShell: the
     * same cell-group thread, and the value or the exception as they are, not as strings.
     */
    SnippetRun rerun(String className) {
        Method doit;
        try {
            doit = findClass(className).getDeclaredMethod(DOIT_METHOD);
            doit.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new SnippetRun(null, e);
        }
        SnippetRun run = runOnCellThread(doit);
        return run.failure() instanceof InvocationTargetException ite ? new SnippetRun(null, ite.getCause()) : run;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        SnippetRun run = runOnCellThread(doitMethod);
        Throwable f = run.failure();
        if (f == null) {
            return run.valueText();
        }
        Throwable cause = f instanceof InvocationTargetException ite ? ite.getCause() : f;
        if (cause instanceof CellStopped) {
            throw new StoppedException();
        }
        if (f instanceof Exception e) {
            throw e;
        }
        throw (Error) f;
    }

    /**
     * Runs a snippet's do-it method on a new thread of the caller's (the cell's) group; the failure is
     * what {@link Method#invoke} threw, an InvocationTargetException for the snippet's own exceptions.
     */
    private static SnippetRun runOnCellThread(Method doitMethod) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        ThreadGroup cellGroup = Thread.currentThread().getThreadGroup();
        Thread snippet = new Thread(cellGroup, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, cellGroup.getName());
        snippet.start();
        try {
            snippet.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SnippetRun(null, e);
        }
        return new SnippetRun(result[0], failure[0]);
    }

    @Override
    public void stop() {
        // Cells are stopped per cell through racecourse.kernel.threads.Stops, not all at once.
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        lastValue.remove();
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue.set(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Fall back to JShell's own string form below.
        }
        return super.varValue(className, varName);
    }

    /** Takes the object of the last varValue call on this thread. */
    Object takeLastValue() {
        Object v = lastValue.get();
        lastValue.remove();
        return v;
    }
}
