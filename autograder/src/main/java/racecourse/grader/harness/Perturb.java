package racecourse.grader.harness;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The schedule perturbation the instrumenter calls at field accesses, monitor enter and exit and
 * calls to wait/notify/lock/unlock/acquire/release in submission code: with a small probability it
 * yields or parks for a few microseconds, so that interleavings a plain run almost never shows
 * (another thread between a read and its write) happen often.
 *
 * <p>Each thread draws from its own stream, seeded by the run's seed and the thread's name, so no
 * shared state (which would add memory fences and hide races) is touched, and {@code --seed}
 * replays the same choices per thread.
 */
public final class Perturb {
    private static volatile boolean enabled;
    private static volatile long seed;
    /** Out of 1024: the chance of a yield at a point. */
    private static volatile int yieldPer1024;
    /** Out of 1024: the chance of a park at a point. */
    private static volatile int parkPer1024;

    /** The thread to stop at one of its points, or null (see {@link #stall}). */
    private static volatile Stall stall;

    private static final ThreadLocal<Stream> STREAMS = new ThreadLocal<>();

    private record Stream(long seed, SplittableRandom random) {
    }

    private Perturb() {
    }

    /** Turns perturbation on with this seed and intensity (0 = off, 1 = light ... 3 = heavy). */
    public static void configure(long seed, int intensity) {
        Perturb.seed = seed;
        yieldPer1024 = switch (intensity) {
            case 0 -> 0;
            case 1 -> 32;
            case 2 -> 128;
            default -> 300;
        };
        parkPer1024 = switch (intensity) {
            case 0 -> 0;
            case 1 -> 2;
            case 2 -> 8;
            default -> 24;
        };
        enabled = intensity > 0;
    }

    public static void off() {
        enabled = false;
        stall = null;
    }

    public static boolean enabled() {
        return enabled;
    }

    /** Turns perturbation back on with the last configuration. */
    public static void resume() {
        enabled = yieldPer1024 + parkPer1024 > 0;
    }

    public static long seed() {
        return seed;
    }

    /** Called by instrumented submission code; {@code site} identifies the instruction. */
    public static void point(int site) {
        if (!enabled) {
            return;
        }
        Stall stopping = stall;
        if (stopping != null) {
            if (stopping.thread == Thread.currentThread()) {
                stopping.arrive();
            }
            if (!stopping.perturbing) {
                return;             // on for the stall only
            }
        }
        long s = seed;
        Stream stream = STREAMS.get();
        if (stream == null || stream.seed != s) {
            stream = new Stream(s, new SplittableRandom(s * 0x9E3779B97F4A7C15L ^ Thread.currentThread().getName().hashCode()));
            STREAMS.set(stream);
        }
        int r = stream.random.nextInt(1024);
        if (r < parkPer1024) {
            LockSupport.parkNanos(5_000 + stream.random.nextInt(100_000));
        } else if (r < parkPer1024 + yieldPer1024) {
            Thread.yield();
        }
    }

    /**
     * Stops {@code thread} at the {@code nth} perturbation point it reaches (1 = the first), in the
     * middle of whatever submission method it is in, until {@link Stall#release} (or 10 s at most):
     * what a thread descheduled at the worst moment looks like to the others, made certain. A test
     * of lock-freedom stalls a thread this way and checks that the others still finish. Random
     * perturbation is not turned on by this; {@link #off} ends the stall too.
     */
    public static Stall stall(Thread thread, int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1, got " + nth);
        }
        Stall s = new Stall(thread, nth, enabled);
        stall = s;
        enabled = true;
        return s;
    }

    /** One thread stopped at one of its points: see {@link #stall}. */
    public static final class Stall {
        private static final long LONGEST_MILLIS = 10_000;
        private final Thread thread;
        /** Points left before the stop; touched by {@code thread} only. */
        private int left;
        private final java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        /** Whether random perturbation was on before the stall: so it is again after. */
        private final boolean perturbing;

        private Stall(Thread thread, int nth, boolean perturbing) {
            this.thread = thread;
            this.left = nth;
            this.perturbing = perturbing;
        }

        private void arrive() {
            if (--left != 0) {
                return;
            }
            reached.countDown();
            boolean interrupted = false;
            long deadline = System.nanoTime() + LONGEST_MILLIS * 1_000_000L;
            while (true) {
                try {
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0 || released.await(wait, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;     // the submission's business, not the stall's: kept for it
                }
            }
            if (interrupted) {
                thread.interrupt();
            }
        }

        /** Whether the thread reached its stop within {@code timeout} (false if it ended first). */
        public boolean reached(java.time.Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (reached.await(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (!thread.isAlive()) {
                    return reached.getCount() == 0;
                }
            }
            return reached.getCount() == 0;
        }

        /** Lets the thread go on, and stops stalling (later points of any thread pass). */
        public void release() {
            if (stall == this) {
                stall = null;
                enabled = perturbing;
            }
            released.countDown();
        }
    }
}
