package racecourse.kernel.magic;

import racecourse.kernel.Cell;
import racecourse.kernel.Interpreter.Outcome;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * {@code %time STATEMENT} and {@code %%time}: wall time and the process's CPU time. CPU time above
 * wall time is the sign that several cores worked at once, which the parallelism notebook uses.
 */
final class TimeMagic implements Magic {
    private final boolean cellMagic;

    private TimeMagic(boolean cellMagic) {
        this.cellMagic = cellMagic;
    }

    static TimeMagic line() {
        return new TimeMagic(false);
    }

    static TimeMagic cell() {
        return new TimeMagic(true);
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String help() {
        return cellMagic ? "%%time                   run the cell, then print its wall and CPU time"
                : "%time STATEMENT          run one statement, then print its wall and CPU time";
    }

    @Override
    public boolean isCellMagic() {
        return cellMagic;
    }

    @Override
    public Outcome run(String args, String body, int line, MagicContext context) throws MagicUsageException {
        String code = cellMagic ? body : args;
        if (code == null || code.isBlank()) {
            throw new MagicUsageException("nothing to time");
        }
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        Outcome outcome = context.eval(code, line);
        long wall = System.nanoTime() - wall0;
        long cpu = processCpuNanos() - cpu0;
        context.cell().write(Cell.Stream.STDOUT, String.format(Locale.ROOT,
                "Wall time: %s, CPU time (all threads of the kernel): %s%n", human(wall), cpu < 0 ? "n/a" : human(cpu)));
        return outcome;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static String human(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
