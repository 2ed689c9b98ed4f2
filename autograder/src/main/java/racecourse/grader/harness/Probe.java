package racecourse.grader.harness;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Observes parallelism the tests cannot see from outside: the instrumenter calls
 * {@link #arrayLoad()} before every array element load in submission code. While a rendezvous is
 * armed, each thread's first load waits (bounded) until {@code needed} threads are loading at the
 * same time. Threads that really run in parallel meet; threads run one after the other (or one
 * thread doing all the work) never do, and the test reports {@code serialized}.
 */
public final class Probe {
    private static volatile Rendezvous active;

    private Probe() {
    }

    /** Called by instrumented submission code before an array element load. */
    public static void arrayLoad() {
        Rendezvous r = active;
        if (r != null) {
            r.arrive();
        }
    }

    /**
     * Called by instrumented submission code on entering any of its methods: records which threads
     * run submission code while a rendezvous is armed (a thread whose part is empty reads nothing,
     * but it still runs the submission's code).
     */
    public static void enter() {
        Rendezvous r = active;
        if (r != null) {
            r.ran(Thread.currentThread());
        }
    }

    /** Arms a rendezvous of {@code needed} threads, each waiting at most {@code waitMillis}. */
    public static Rendezvous arm(int needed, long waitMillis) {
        Rendezvous r = new Rendezvous(needed, waitMillis);
        active = r;
        return r;
    }

    public static void disarm() {
        active = null;
    }

    public static final class Rendezvous {
        private final int needed;
        private final long waitNanos;
        private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
        private final Set<Thread> ran = ConcurrentHashMap.newKeySet();
        private final Set<Thread> ignored = ConcurrentHashMap.newKeySet();
        private volatile boolean released;
        private int present;           // guarded by this
        private volatile boolean met;

        Rendezvous(int needed, long waitMillis) {
            this.needed = needed;
            this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        }

        void ran(Thread t) {
            if (!ignored.contains(t)) {
                ran.add(t);
            }
        }

        void arrive() {
            // Only the running test's threads count: a leftover of an earlier test still loading
            // array elements would otherwise complete the rendezvous and hide a serialized sum.
            Thread me = Thread.currentThread();
            if (met || released || ignored.contains(me) || !TestScope.ofCurrentTest(me) || !arrived.add(me)) {
                return;
            }
            ran(me);
            synchronized (this) {
                present++;
                if (present >= needed) {
                    met = true;
                    notifyAll();
                    return;
                }
                long deadline = System.nanoTime() + waitNanos;
                long left;
                while (!met && !released && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                if (!met) {
                    present--;       // gave up: it no longer counts as loading at the same time
                }
            }
        }

        /**
         * Leaves {@code t} out: it neither waits nor counts (the thread that called the code under
         * test, whose own loads say nothing about the threads it starts).
         */
        public void ignore(Thread t) {
            ignored.add(t);
            arrived.remove(t);
            ran.remove(t);
        }

        /** Lets every waiting thread (and every later one) through at once. */
        public void release() {
            synchronized (this) {
                released = true;
                notifyAll();
            }
        }

        /** How many threads are waiting at the rendezvous now. */
        public synchronized int waiting() {
            return met || released ? 0 : present;
        }

        /** The threads, other than ignored ones, that ran submission code while this was armed. */
        public Set<Thread> ranCode() {
            return Set.copyOf(ran);
        }

        /** Whether {@code needed} threads were ever loading at the same time. */
        public boolean met() {
            return met;
        }

        /** How many distinct threads loaded array elements. */
        public int threads() {
            return arrived.size();
        }
    }
}
