package racecourse.grader.child;

import racecourse.results.Verdict;
import racecourse.grader.model.ChildEvent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Caps what a submission may create: more live threads or child processes than the caps and the
 * JVM reports a {@code resources} failure for the running test and stops at once (the grader then
 * fails the tests that could not run). Runs every 20 ms in a daemon thread started before any
 * submission code.
 */
final class ResourceCaps extends Thread {
    static final int EXIT_RESOURCES = 70;
    private final ResultLog log;
    private final Map<String, String> running;
    private final int threadCap;
    private final int processCap;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    ResourceCaps(ResultLog log, Map<String, String> running, int threadCap, int processCap) {
        super("racecourse-resource-caps");
        setDaemon(true);
        this.log = log;
        this.running = running;
        this.threadCap = threadCap;
        this.processCap = processCap;
    }

    @Override
    public void run() {
        while (true) {
            int live = threads.getThreadCount();
            if (live > threadCap) {
                stop("more than " + threadCap + " live threads (" + live + "): threads are created without bound");
            }
            long processes = ProcessHandle.current().descendants().count();
            if (processes > processCap) {
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                stop("more than " + processCap + " child processes (" + processes + "): processes are started without bound");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void stop(String why) {
        log.write(new ChildEvent.Fatal(Verdict.RESOURCES.label(), why, running.getOrDefault("test", "")));
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(EXIT_RESOURCES);
    }
}
