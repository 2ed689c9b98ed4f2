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
}
