package racecourse.kernel.threads;

import java.util.List;

/**
 * What one thread, platform or virtual, was doing: the common shape of a platform thread's
 * {@link java.lang.management.ThreadInfo} and of what the kernel learns about a virtual thread
 * (which ThreadMXBean does not report on).
 *
 * @param name      the thread's name, or "#id" for an unnamed (virtual) thread
 * @param waitsFor  the lock or object it waits for ("ReentrantLock$NonfairSync@1b2c3d"), or null
 * @param lockOwner the name of the thread holding {@code waitsFor}, or null when none or unknown
 * @param holds     the locks it holds, as far as known
 */
public record ThreadSnapshot(String name, long id, Thread.State state, boolean virtual, StackTraceElement[] stack,
                             String waitsFor, String lockOwner, List<String> holds) {

    /** The name reports give a thread: its own, or "#id" for an unnamed one (virtual threads usually are). */
    public static String nameOf(Thread t) {
        String name = t.getName();
        return name.isEmpty() ? "#" + t.threadId() : name;
    }

    ThreadSnapshot withLock(String lock, String owner, List<String> held) {
        return new ThreadSnapshot(name, id, state, virtual, stack, lock, owner, held);
    }
}
