package racecourse.grader.harness;

import racecourse.results.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many short rounds of real threads under schedule perturbation, each round with its own seed and
 * intensity, every wait bounded. A bug that shows once in a hundred plain runs shows in most
 * perturbed rounds, and a test runs enough rounds that missing it every time is (measured) nil.
 */
public final class Stress {
    private Stress() {
    }

    /** The run's seed: {@code --seed}, passed to the child as a system property. */
    public static long baseSeed() {
        return Long.getLong("racecourse.seed", 1L);
    }

    @FunctionalInterface
    public interface Round {
        void run(int round) throws Exception;
    }

    @FunctionalInterface
    public interface Worker {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code body} {@code rounds} times; round r perturbs with seed {@code baseSeed + r} and an
     * intensity cycling through light, medium and heavy. Perturbation is off again afterwards.
     */
    public static void rounds(int rounds, Round body) throws Exception {
        int scaled = scaled(rounds);
        try {
            for (int r = 0; r < scaled; r++) {
                Perturb.configure(baseSeed() * 1_000_003L + r, 1 + r % 3);
                body.run(r);
            }
        } finally {
            Perturb.off();
        }
    }

    /** System property that multiplies every test's rounds; unset (the default) leaves them as written. */
    public static final String ROUNDS_SCALE = "racecourse.rounds.scale";

    /**
     * {@code rounds} times the {@link #ROUNDS_SCALE} factor, rounded, at least 1. Only
     * bench/judge_eval.py sets it, to measure how catch rate and time follow the number of rounds
     * without editing the suites.
     */
    static int scaled(int rounds) {
        String factor = System.getProperty(ROUNDS_SCALE);
        if (factor == null) {
            return rounds;
        }
        double f;
        try {
            f = Double.parseDouble(factor);
        } catch (NumberFormatException e) {
            f = Double.NaN;
        }
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException(ROUNDS_SCALE + " must be a positive number, not '" + factor + "'");
        }
        return (int) Math.max(1, Math.round(rounds * f));
    }

    /**
     * Starts {@code n} threads named {@code name-i} that begin together, each running
     * {@code body.run(i)}, and waits at most {@code timeout} for all of them. A thread that throws
     * fails the test with {@code onException} (a VerdictFailure keeps its own verdict); threads not
     * done in time fail it with {@code deadlock} or {@code hang} (see {@link Diagnosis}).
     */
    public static void parallel(String name, int n, Duration timeout, Verdict onException, Worker body)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(() -> {
                try {
                    go.await();
                    body.run(index);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        go.countDown();
        try {
            Await.joinOrExplain(name + " threads", timeout, threads);
        } catch (VerdictFailure stuck) {
            // A thread that threw is the cause; the others then wait for it forever. Looked at
            // before the interrupts, which make the waiting ones throw too.
            Throwable first = cause(failures);
            threads.forEach(Thread::interrupt);
            if (first != null) {
                throw asVerdict(first, onException, Thread.currentThread().getName());
            }
            throw stuck;
        }
        Throwable first = cause(failures);
        if (first != null) {
            throw asVerdict(first, onException, Thread.currentThread().getName());
        }
    }

    /**
     * The failure that explains the others: the first that is not a wait running out (a {@code hang}
     * verdict or a socket read timing out), else the first. A worker that got a wrong answer or threw
     * is the cause; workers that then waited in vain for it (a client nobody serves because the
     * workers are stuck with clients waiting for a wrong echo to end) are its consequence.
     */
    static Throwable cause(java.util.Collection<Throwable> failures) {
        for (Throwable t : failures) {
            if (!(t instanceof VerdictFailure v && v.verdict() == Verdict.HANG || t instanceof java.net.SocketTimeoutException)) {
                return t;
            }
        }
        return failures.isEmpty() ? null : failures.iterator().next();
    }

    /** {@code t} as a verdict failure: its own if it has one, else {@code verdict}. */
    public static VerdictFailure asVerdict(Throwable t, Verdict verdict, String where) {
        if (t instanceof VerdictFailure v) {
            return v;
        }
        if (t instanceof SubmissionExit e) {
            return new VerdictFailure(Verdict.FUNCTIONAL, e.getMessage(), e);
        }
        if (t instanceof ExceptionInInitializerError
                || t instanceof NoClassDefFoundError n && String.valueOf(n.getMessage()).startsWith("Could not initialize")) {
            return new VerdictFailure(Verdict.FUNCTIONAL, "the class's static initializer failed: " + t, t);
        }
        if (t instanceof LinkageError) {
            return new VerdictFailure(Verdict.COMPILE, "does not match the exercise's API: " + t, t);
        }
        List<String> frames = Diagnosis.submissionFrames(t, 2);
        return new VerdictFailure(verdict, "a thread threw " + t
                + (frames.isEmpty() ? "" : " at " + String.join(" < ", frames)), t);
    }

    /** Sleeps a little, for tests that must let time pass (never to fix a race). */
    public static void pause(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
    }
}
