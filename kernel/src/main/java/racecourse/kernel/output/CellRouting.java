package racecourse.kernel.output;

import racecourse.kernel.Cell;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Decides which cell a thread's output belongs to.
 *
 * <p>The thread that runs a cell is bound to it, and every thread started from a bound thread
 * inherits the binding (an {@link InheritableThreadLocal}), so output from threads a cell started
 * lands in that cell even after the cell has finished. A thread with no binding (one the kernel
 * made for itself) writes to the most recent cell.
 */
public final class CellRouting {
    private static final InheritableThreadLocal<Cell> BOUND = new InheritableThreadLocal<>();
    private static volatile Cell latest;
    private static volatile boolean threadNames;
    private static final ThreadLocal<Boolean> AT_LINE_START = ThreadLocal.withInitial(() -> true);

    private CellRouting() {
    }

    /** Replaces System.out, System.err and System.in by streams that route through the cells. */
    public static synchronized void install() {
        if (System.out instanceof RoutedPrintStream) {
            return;
        }
        System.setOut(new RoutedPrintStream(Cell.Stream.STDOUT, System.out));
        System.setErr(new RoutedPrintStream(Cell.Stream.STDERR, System.err));
        System.setIn(new RoutedInputStream());
    }

    /** Binds the calling thread (and threads it starts from now on) to {@code cell}. */
    public static void bind(Cell cell) {
        BOUND.set(cell);
        latest = cell;
    }

    /** Binds the calling thread to {@code cell} (or unbinds it, for null) without moving "latest". */
    static void rebind(Cell cell) {
        if (cell == null) {
            BOUND.remove();
        } else {
            BOUND.set(cell);
        }
    }

    public static void unbind() {
        BOUND.remove();
    }

    /** The cell the calling thread was started from, or null for a thread of the kernel. */
    public static Cell bound() {
        return BOUND.get();
    }

    /** The cell the calling thread writes to, or null before the first cell. */
    public static Cell current() {
        Cell cell = BOUND.get();
        return cell != null ? cell : latest;
    }

    /** %threadnames on: every line printed starts with the printing thread's name. */
    public static void setThreadNames(boolean on) {
        threadNames = on;
    }

    static String withThreadNames(String text) {
        if (!threadNames || text.isEmpty()) {
            return text;
        }
        String prefix = "[" + Thread.currentThread().getName() + "] ";
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean atStart = AT_LINE_START.get();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (atStart) {
                out.append(prefix);
            }
            out.append(c);
            atStart = c == '\n';
        }
        AT_LINE_START.set(atStart);
        return out.toString();
    }

    static final class RoutedPrintStream extends PrintStream {
        RoutedPrintStream(Cell.Stream stream, PrintStream fallback) {
            super(new RoutedOutputStream(stream, fallback), true, StandardCharsets.UTF_8);
        }
    }

    private static final class RoutedOutputStream extends java.io.OutputStream {
        private final Cell.Stream stream;
        private final PrintStream fallback;

        RoutedOutputStream(Cell.Stream stream, PrintStream fallback) {
            this.stream = stream;
            this.fallback = fallback;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Cell cell = current();
            if (cell == null) {
                fallback.write(b, off, len);
            } else {
                cell.write(stream, withThreadNames(new String(b, off, len, StandardCharsets.UTF_8)));
            }
        }
    }

    /** System.in: each cell asks its own front end; a thread with no cell reads end of file. */
    private static final class RoutedInputStream extends InputStream {
        private final ThreadLocal<byte[]> pending = new ThreadLocal<>();
        private final ThreadLocal<Integer> position = ThreadLocal.withInitial(() -> 0);

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            if (len == 0) {
                return 0;
            }
            byte[] data = pending.get();
            int pos = position.get();
            if (data == null || pos >= data.length) {
                Cell cell = BOUND.get();
                if (cell == null) {
                    return -1;
                }
                data = cell.readLine("", false).concat("\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
                pending.set(data);
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, into, off, n);
            position.set(pos + n);
            return n;
        }

        @Override
        public int available() {
            byte[] data = pending.get();
            return data == null ? 0 : data.length - position.get();
        }
    }
}
