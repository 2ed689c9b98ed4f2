package racecourse.kernel.jshell;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.Field;

/**
 * The JDK's own in-process execution engine (it weaves stop checks into every loop of snippet code,
 * so an interrupt ends a tight loop), plus one thing JShell's API leaves out: the value of a
 * variable as an object rather than as a string, so that a chart or an image can be displayed.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    /** The object behind the last {@link #varValue} call, read by the same thread right after. */
    private final ThreadLocal<Object> lastValue = new ThreadLocal<>();

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
