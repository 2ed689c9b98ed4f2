package racecourse.kernel.jshell;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;
import racecourse.kernel.display.Display;
import racecourse.kernel.output.CellRouting;
import racecourse.kernel.threads.CellGroup;
import racecourse.kernel.threads.CellThreads;
import racecourse.kernel.threads.Stops;
import racecourse.kernel.threads.ThreadReport;
import racecourse.kernel.threads.ThreadSnapshot;
import racecourse.kernel.threads.WaitForGraph;
import racecourse.kernel.threads.Watchdog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs each cell on a thread of its own, in its own thread group, and watches it from the shell
 * thread, which therefore can always answer: it stops the cell on Interrupt, on its
 * {@code %%timeout}, or when the {@link Watchdog} finds a deadlock or a stall, and then says what
 * is still alive and where. A cell whose own thread cannot be stopped gets its session replaced.
 */
final class CellSupervisor {
    private static final long SCAN_NANOS = 200_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long STOP_GRACE_MS = 1500;
    private static final String STILL_ALIVE = "Still alive";
    private static final String RUNNER_PREFIX = "racecourse runner of ";

    private final CellThreads threads = new CellThreads();
    private final Watchdog watchdog = new Watchdog();
    private final Supplier<JavaSession> session;
    /** Called when a cell's own thread is stuck for good, to give later cells a fresh session. */
    private final Runnable replaceSession;
    private volatile RunningCell running;
    /** Guards {@link #running} against an interrupt arriving while a cell registers. */
    private final Object registration = new Object();
    /** An interrupt that found no cell running: the cell about to start may be the one it meant. */
    private Unclaimed unclaimed;

    /** An interrupt's date by the front end's clock (may be null) and when the kernel got it. */
    private record Unclaimed(java.time.Instant sentAt, long receivedNanos) {
        /** How long an interrupt waits for its cell: the gap between the two channels is milliseconds. */
        static final long WINDOW_NANOS = 2_000_000_000L;

        boolean meant(Cell cell) {
            return System.nanoTime() - receivedNanos <= WINDOW_NANOS && askedBefore(cell, sentAt);
        }
    }

    /**
     * Whether {@code cell} was asked for before an interrupt sent at {@code sentAt}: a student's
     * interrupt is meant for the cells already run, never for one run after it. Unknown dates count
     * as before.
     */
    private static boolean askedBefore(Cell cell, java.time.Instant sentAt) {
        java.time.Instant requested = cell.requestedAt();
        return sentAt == null || requested == null || !requested.isAfter(sentAt);
    }

    CellSupervisor(Supplier<JavaSession> session, Runnable replaceSession) {
        this.session = session;
        this.replaceSession = replaceSession;
    }

    CellThreads threads() {
        return threads;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    /** Runs {@code work} for {@code cell} on a runner thread and returns how the cell ended. */
    Outcome run(Cell cell, CellLimits limits, Function<Cell, Outcome> work) {
        Stops.settle(threads.live().stream().anyMatch(t -> Stops.isStopped(threads.cellOf(t))));
        CellGroup group = new CellGroup(cell, t -> session.get().traceback(t));
        threads.add(group);
        RunningCell run = new RunningCell(cell, group, limits.deadline(), limits.limitNanos());
        Thread runner = new Thread(group, () -> {
            CellRouting.bind(cell);
            try {
                run.done.complete(work.apply(cell));
            } catch (Throwable t) {
                run.done.complete(new Outcome.Failed("KernelError", String.valueOf(t), List.of(
                        "The kernel failed on this cell: " + t, "Please report it with the cell's code.")));
            } finally {
                CellRouting.unbind();
            }
        }, RUNNER_PREFIX + group.getName());
        synchronized (registration) {
            running = run;
            if (unclaimed != null && unclaimed.meant(cell)) {
                run.interruptRequested = true;
            }
            unclaimed = null;
        }
        watchdog.reset();
        try {
            runner.start();
            Outcome outcome = await(run, runner);
            List<Thread> left = group.liveThreads(runner);
            if (!left.isEmpty() && !(outcome instanceof Outcome.Failed f && f.traceback().stream()
                    .anyMatch(l -> l.startsWith(STILL_ALIVE)))) {
                cell.write(Cell.Stream.STDERR, leftoverNote(left));
            }
            return outcome;
        } finally {
            running = null;
        }
    }

    /**
     * Kernel > Interrupt. With a cell running, it is stopped by the shell thread's watch. With none,
     * what earlier cells left running is stopped: what a student pressing Interrupt while a core still
     * burns wants.
     */
    void interrupt(java.time.Instant sentAt) {
        RunningCell run;
        synchronized (registration) {
            run = running;
            if (run != null && !askedBefore(run.cell, sentAt)) {
                return; // meant for a cell that already ended; this one was run after it
            }
            if (run == null) {
                unclaimed = new Unclaimed(sentAt, System.nanoTime());
            }
        }
        if (run != null) {
            run.interruptRequested = true;
            return;
        }
        for (Thread t : threads.live()) {
            Cell owner = threads.cellOf(t);
            if (owner != null) {
                Stops.stop(owner);
            }
            t.interrupt();
        }
        CellThreads.killChildProcesses();
    }

    private static String leftoverNote(List<Thread> left) {
        List<String> names = left.stream().limit(5).map(t -> ThreadSnapshot.nameOf(t) + " (" + t.getState() + ")").toList();
        return "note: " + left.size() + (left.size() == 1 ? " thread" : " threads")
                + " started by this cell still running: " + String.join(", ", names)
                + (left.size() > 5 ? ", ..." : "") + ". %threads lists them, %stop stops them.\n";
    }

    /** Waits for the cell, stopping it on Interrupt, on its time limit, or when the watchdog finds it stuck. */
    private Outcome await(RunningCell run, Thread runner) {
        long nextScan = System.nanoTime() + SCAN_NANOS;
        while (true) {
            try {
                return run.done.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running
            } catch (InterruptedException | ExecutionException e) {
                return new Outcome.Failed("KernelError", String.valueOf(e), List.of(String.valueOf(e)));
            }
            if (run.interruptRequested) {
                return stop(run, runner, Interrupts.interrupted());
            }
            if (run.deadline != 0 && System.nanoTime() - run.deadline >= 0) {
                return stop(run, runner, Interrupts.timedOut(CellLimits.human(run.limitNanos)));
            }
            if (System.nanoTime() - nextScan >= 0) {
                long scanStart = CPU.getCurrentThreadCpuTime();
                Optional<Watchdog.Finding> finding = watchdog.scan(run.group);
                // A scan pauses the JVM briefly (deadlock search, a thread dump when virtual threads
                // stay blocked); with thousands of threads that grows, so scans space out to keep the
                // cost under a few percent. CPU time, not wall time: on a loaded machine the wall
                // time of a cheap scan grows too, and spacing out would delay a deadlock report.
                long took = CPU.getCurrentThreadCpuTime() - scanStart;
                nextScan = System.nanoTime() + Math.max(SCAN_NANOS, 30 * took);
                if (finding.isPresent()) {
                    return stop(run, runner, report(run.cell, finding.get()));
                }
            }
        }
    }

    /** Stops a cell: its loops, its threads, the kernel's child processes; then says what is left. */
    private Outcome stop(RunningCell run, Thread runner, Outcome.Failed reason) {
        Stops.stop(run.cell);
        for (Thread t : run.group.liveThreads(runner)) {
            t.interrupt();
        }
        List<String> killed = CellThreads.killChildProcesses();
        try {
            run.done.get(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            // reported below
        }
        List<String> lines = new ArrayList<>(reason.traceback());
        if (!killed.isEmpty()) {
            lines.add("Ended child processes: " + String.join(", ", killed));
        }
        List<Thread> alive = run.group.liveThreads(runner);
        if (!run.done.isDone()) {
            alive.remove(runner);
        }
        if (alive.isEmpty()) {
            lines.add("All threads of this cell have ended.");
        } else {
            lines.add(STILL_ALIVE + " (they do not answer interrupts; a thread blocked on a lock forever cannot be"
                    + " stopped inside the JVM, restart the kernel to free it):");
            lines.addAll(ThreadReport.lines(ThreadReport.snapshots(alive), st -> session.get().whereIs(st)));
        }
        if (!run.done.isDone()) {
            lines.add("The cell's own thread is stuck, so its Java session was replaced by a new one: later cells"
                    + " run, but variables and methods of earlier cells are gone.");
            replaceSession.run();
        }
        return new Outcome.Failed(reason.name(), reason.value(), lines);
    }

    private Outcome.Failed report(Cell cell, Watchdog.Finding finding) {
        JavaSession s = session.get();
        return switch (finding) {
            case Watchdog.Deadlock d -> {
                List<String> lines = new ArrayList<>();
                lines.add("DeadlockError: these threads wait for each other's locks in a cycle and none can go on.");
                lines.addAll(Table.format(List.of("thread", "holds", "waits for", "where"),
                        Watchdog.cycleTable(d.threads(), s::whereIs)));
                DisplayData graph = new DisplayData(Display.render(WaitForGraph.draw(d.threads())));
                graph.putText("[wait-for graph of the deadlock]");
                cell.display(graph, false);
                yield new Outcome.Failed("DeadlockError", "a cycle of " + d.threads().size()
                        + " threads waiting for each other's locks", lines);
            }
            case Watchdog.Stalled st -> {
                List<String> lines = new ArrayList<>();
                lines.add("HangError: no thread of this cell can make progress (no lock cycle, but for "
                        + st.since().toMillis() / 1000.0 + " s every thread has waited with no timeout or been"
                        + " blocked: a lost wakeup, a missing notify/release?):");
                lines.addAll(ThreadReport.lines(withoutRunners(st.threads()), s::whereIs));
                if (st.monitorOwnersUnknown()) {
                    lines.add("(A virtual thread is BLOCKED on a monitor: this JDK cannot tell who holds it, so a lock"
                            + " cycle cannot be shown; JDK 25 can.)");
                }
                yield new Outcome.Failed("HangError", "no thread can make progress", lines);
            }
        };
    }

    /** The kernel's runner threads are not the student's; reports leave them out. */
    private static List<ThreadSnapshot> withoutRunners(List<ThreadSnapshot> threads) {
        return threads.stream().filter(s -> !s.name().startsWith(RUNNER_PREFIX)).toList();
    }
}
