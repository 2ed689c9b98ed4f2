// expect: pass
// Style: a VarHandle on a plain long field, atomic getAndAdd and volatile reads.
package exercises;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

public final class SafeCounter {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(SafeCounter.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through COUNT
    private long count;

    public SafeCounter() {
    }

    public void increment() {
        COUNT.getAndAdd(this, 1L);
    }

    public long get() {
        return (long) COUNT.getVolatile(this);
    }
}
