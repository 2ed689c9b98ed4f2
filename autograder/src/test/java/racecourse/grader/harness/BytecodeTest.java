package racecourse.grader.harness;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytecode's checks on small classes whose answer is known (top-level: Bytecode reads a whole nest). */
class BytecodeTest {
    @Test
    void monitorsListsSynchronizedMethodsAndBlocks() {
        List<String> m = Bytecode.of(Monitors.class).monitors();
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("synchronized method a") || m.get(1).startsWith("synchronized method a"), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("synchronized block (BytecodeTest.java:")), m.toString());
        assertEquals(List.of(), Bytecode.of(ReadAfterHelperLocks.class).monitors());
    }

    @Test
    void aFieldWrittenThroughAVarHandleIsMutable() {
        List<String> reads = Bytecode.of(PlainReadOfHandledField.class).unsynchronizedReads("isEmpty", "()Z");
        assertEquals(1, reads.size(), reads.toString());
        assertTrue(reads.get(0).startsWith("field top"), reads.toString());
    }

    @Test
    void aHelpersLockCountsForItsCaller() {
        assertEquals(List.of(), Bytecode.of(ReadAfterHelperLocks.class).unsynchronizedReads("isEmpty", "()Z"));
    }
}

final class Monitors {
    private int n;

    synchronized void a() {
        n++;
    }

    void b() {
        synchronized (this) {
            n--;
        }
    }
}

/** A field written only through a VarHandle, read plainly by isEmpty: a read without synchronization. */
final class PlainReadOfHandledField {
    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(PlainReadOfHandledField.class, "top", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Object top;

    void push(Object o) {
        TOP.setRelease(this, o);
    }

    boolean isEmpty() {
        return top == null;
    }
}

/** A plain field read after a helper took a spin lock: synchronized, though in another method. */
final class ReadAfterHelperLocks {
    private final AtomicBoolean busy = new AtomicBoolean();
    private Object top;

    private void enter() {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    void push(Object o) {
        enter();
        top = o;
        busy.set(false);
    }

    boolean isEmpty() {
        enter();
        try {
            return top == null;
        } finally {
            busy.set(false);
        }
    }
}
