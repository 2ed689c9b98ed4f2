package racecourse.grader.explain.scenarios;

/** Starts a scenario's worker threads and waits for them (Lincheck bounds the wait). */
final class Workers {
    private Workers() {
    }

    static void runAll(Thread... workers) {
        for (Thread w : workers) {
            w.start();
        }
        joinAll(workers);
    }

    static void joinAll(Thread... workers) {
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the scenario's threads", e);
        }
    }
}
