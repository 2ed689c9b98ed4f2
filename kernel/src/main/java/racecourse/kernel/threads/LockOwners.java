package racecourse.kernel.threads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * Who holds a java.util.concurrent lock (the exclusive owner of a ReentrantLock's or a
 * ReentrantReadWriteLock's write lock synchronizer). ThreadMXBean reports this for platform
 * threads only; for a virtual thread parked on a lock the kernel asks the synchronizer itself, which
 * needs {@code --add-opens java.base/java.util.concurrent.locks} (the kernel spec passes it). Without
 * it, owners are unknown and a cycle of virtual threads on such locks is reported as a hang.
 */
final class LockOwners {
    private static final MethodHandle OWNER = ownerAccessor();

    private LockOwners() {
    }

    static boolean known() {
        return OWNER != null;
    }

    static Optional<Thread> ownerOf(Object blocker) {
        if (OWNER == null || !(blocker instanceof AbstractOwnableSynchronizer sync)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Thread) OWNER.invokeExact(sync));
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    private static MethodHandle ownerAccessor() {
        try {
            return MethodHandles.privateLookupIn(AbstractOwnableSynchronizer.class, MethodHandles.lookup())
                    .findVirtual(AbstractOwnableSynchronizer.class, "getExclusiveOwnerThread",
                            MethodType.methodType(Thread.class));
        } catch (IllegalAccessException | NoSuchMethodException e) {
            return null;
        }
    }
}
