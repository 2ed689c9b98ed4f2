import racecourse.kernel.Cell;
import racecourse.kernel.CellAdapter;
import racecourse.kernel.output.CellRouting;
import racecourse.kernel.output.CellTasks;
import racecourse.kernel.threads.TrackedThreads;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * What tracking a cell's virtual threads costs per thread (TrackedThreads, CellTasks), in time and
 * in memory, and that nothing is kept after the threads end. Plain starts ("untracked": what cell
 * code did before the kernel rewrote thread starts) against the rewritten ones ("tracked"),
 * alternating, on this machine's JVM. Run from the repository root after `make kernel`:
 *
 *   bin/with-jdk java -cp '.venv/share/jupyter/kernels/racecourse/lib/*' bench/VirtualThreadTracking.java [threads] [rounds]
 */
public class VirtualThreadTracking {
    // CPU time, not wall time: on a shared, loaded machine wall time mostly measures the others.
    private static final java.lang.management.ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS_CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Cell cell = new CellAdapter() {
        };
        CellRouting.bind(cell);
        System.out.printf("java %s, %d cores, load average %.1f, %d threads per run, %d rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), n, rounds);

        // 1. The bookkeeping alone, on one thread: wrap the task, enter the set, leave it.
        Runnable nothing = () -> { };
        double[] bookkeeping = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = THREAD_CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Runnable wrapped = CellTasks.wrapThread(nothing);
                wrapped.run(); // add, run, forget: what a tracked thread does around its task
            }
            bookkeeping[r] = (THREAD_CPU.getCurrentThreadCpuTime() - t0) / (double) n;
        }
        System.out.printf("bookkeeping per thread (wrap + add + forget, one thread, CPU time): median %.0f ns%n",
                median(bookkeeping));

        // 2. End to end: start n virtual threads and join them, plain against tracked, alternating.
        double[] plain = new double[rounds];
        double[] tracked = new double[rounds];
        double[] plainPool = new double[rounds];
        double[] trackedPool = new double[rounds];
        LongAdder count = new LongAdder();
        Runnable task = count::increment;
        for (int r = 0; r < rounds; r++) {
            plain[r] = startAndJoin(n, () -> Thread.ofVirtual().start(task));
            tracked[r] = startAndJoin(n, () -> CellTasks.start(Thread.ofVirtual(), task));
            plainPool[r] = pool(n, task, false);
            trackedPool[r] = pool(n, task, true);
        }
        System.out.printf("start + join, CPU time of the JVM per thread: plain %.0f ns, tracked %.0f ns (difference %.0f ns)%n",
                median(plain), median(tracked), median(tracked) - median(plain));
        System.out.printf("virtual-thread-per-task executor, CPU time per task: plain %.0f ns, tracked %.0f ns (difference %.0f ns)%n",
                median(plainPool), median(trackedPool), median(trackedPool) - median(plainPool));

        // 3. Memory while n threads are alive (parked on a latch), plain against tracked.
        double[] perThread = new double[5];
        for (int r = 0; r < perThread.length; r++) {
            long a = heldBytes(n, false);
            long b = heldBytes(n, true);
            perThread[r] = (b - a) / (double) n;
        }
        System.out.printf("heap per live thread for tracking: median %.0f bytes (runs: %s)%n",
                median(perThread), Arrays.toString(Arrays.stream(perThread).map(Math::rint).toArray()));

        // 4. After the threads end, nothing of them is kept.
        System.out.printf("tracked threads left after all ended: %d%n", TrackedThreads.all().size());
        System.exit(TrackedThreads.all().isEmpty() ? 0 : 1);
    }

    private static double startAndJoin(int n, java.util.function.Supplier<Thread> start) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(n);
        long t0 = PROCESS_CPU.getProcessCpuTime();
        for (int i = 0; i < n; i++) {
            threads.add(start.get());
        }
        for (Thread t : threads) {
            t.join();
        }
        return (PROCESS_CPU.getProcessCpuTime() - t0) / (double) n;
    }

    private static double pool(int n, Runnable task, boolean tracked) {
        long t0 = PROCESS_CPU.getProcessCpuTime();
        try (var each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                each.submit(tracked ? CellTasks.wrap(task) : task);
            }
        }
        return (PROCESS_CPU.getProcessCpuTime() - t0) / (double) n;
    }

    /** Heap in use, after collection, while n virtual threads wait on a latch. */
    private static long heldBytes(int n, boolean tracked) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch parked = new CountDownLatch(n);
        Runnable task = () -> {
            parked.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(tracked ? CellTasks.start(Thread.ofVirtual(), task) : Thread.ofVirtual().start(task));
        }
        parked.await();
        long used = usedAfterGc();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return used;
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
