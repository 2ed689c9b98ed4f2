package racecourse.viz;

import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Records what threads did and when, to draw it as a Gantt chart: one row per thread, one bar per
 * span of work, coloured by label.
 * <pre>
 * Timeline t = new Timeline();
 * // in each thread:
 * try (var s = t.span("work")) { ... }      // or t.record("work", () -> ...)
 * t.mark("done");                             // an instant
 * // afterwards:
 * display(t.chart("Four workers"));
 * </pre>
 * Cheap enough for a loop: each thread writes to its own buffer (no lock, no shared counter), with
 * {@link System#nanoTime()}. Works for platform and virtual threads. A span appears once it is closed.
 */
public final class Timeline {
    private final long origin = System.nanoTime();
    /** Every thread's buffer, in order of registration (each thread registers once). */
    private final Queue<Lane> lanes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger laneCount = new AtomicInteger();
    private final ThreadLocal<Lane> lane = ThreadLocal.withInitial(this::register);

    /** A timeline whose time 0 is now. */
    public Timeline() {
    }

    /**
     * Opens a span of the current thread; closing it (try-with-resources) records it.
     * <pre>try (var s = t.span("critical section")) { ... }</pre>
     */
    public Span span(String label) {
        return new Span(lane.get(), label);
    }

    /** Runs {@code work} in the current thread and records it as a span named {@code label}. */
    public void record(String label, Runnable work) {
        Lane l = lane.get();
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            l.add(label, start, System.nanoTime());
        }
    }

    /** Computes {@code work}'s value in the current thread, recording it as a span named {@code label}. */
    public <T> T compute(String label, Supplier<T> work) {
        Lane l = lane.get();
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            l.add(label, start, System.nanoTime());
        }
    }

    /** Records an instant event of the current thread (drawn as a tick), e.g. {@code t.mark("got lock")}. */
    public void mark(String label) {
        long now = System.nanoTime();
        lane.get().add(label, now, Lane.MARK);
    }

    /** Nanoseconds since this timeline was created. */
    public long elapsedNanos() {
        return System.nanoTime() - origin;
    }

    /**
     * Every closed span so far, as an unmodifiable snapshot sorted by start time; times are in
     * nanoseconds since the timeline's creation.
     */
    public List<Entry> spans() {
        return snapshot(false);
    }

    /** Every mark so far (entries whose start equals their end), sorted by time. */
    public List<Entry> marks() {
        return snapshot(true);
    }

    private List<Entry> snapshot(boolean marks) {
        List<Entry> out = new ArrayList<>();
        for (Lane l : lanes) {
            l.collect(marks, origin, out);
        }
        out.sort(Comparator.comparingLong(Entry::startNanos).thenComparingInt(Entry::threadOrder));
        return Collections.unmodifiableList(out);
    }

    /** The threads that recorded something, in order of first appearance (first recorded start). */
    List<Lane> lanes() {
        List<Lane> out = new ArrayList<>(lanes);
        out.removeIf(l -> l.size() == 0);
        out.sort(Comparator.comparingLong(Lane::firstStart).thenComparingInt(l -> l.order));
        return out;
    }

    long origin() {
        return origin;
    }

    /**
     * The Gantt chart: one row per thread (in order of first appearance, at most 40 rows), time in
     * milliseconds since the timeline's creation across, each span a bar coloured by its label,
     * each mark a tick.
     */
    public JFreeChart chart(String title) {
        return chart(title, TimelineChart.DEFAULT_MAX_ROWS);
    }

    /** Like {@link #chart(String)}, showing at most {@code maxThreads} rows. */
    public JFreeChart chart(String title, int maxThreads) {
        return TimelineChart.of(this, title, maxThreads);
    }

    @Override
    public String toString() {
        int spans = 0;
        int marks = 0;
        List<Lane> ls = lanes();
        for (Lane l : ls) {
            int n = l.size();
            int m = l.markCount();
            spans += n - m;
            marks += m;
        }
        return "Timeline[" + ls.size() + " threads, " + spans + " spans, " + marks + " marks]";
    }

    private Lane register() {
        Lane l = new Lane(Thread.currentThread(), laneCount.getAndIncrement());
        lanes.add(l);
        return l;
    }

    /**
     * One recorded span or mark.
     *
     * @param thread      the thread's name ("virtual #42" for an unnamed virtual thread)
     * @param threadId    {@link Thread#threadId()}
     * @param threadOrder 0 for the first thread that recorded on this timeline, 1 for the next, ...
     * @param label       the span's or mark's label
     * @param startNanos  start, in ns since the timeline's creation
     * @param endNanos    end, in ns since the timeline's creation (equal to start for a mark)
     */
    public record Entry(String thread, long threadId, int threadOrder, String label, long startNanos,
                        long endNanos) {
        /** End minus start, in nanoseconds. */
        public long durationNanos() {
            return endNanos - startNanos;
        }

        /** Start in milliseconds since the timeline's creation. */
        public double startMillis() {
            return startNanos / 1e6;
        }

        /** End in milliseconds since the timeline's creation. */
        public double endMillis() {
            return endNanos / 1e6;
        }

        /** Whether this is a mark (an instant) rather than a span. */
        public boolean isMark() {
            return startNanos == endNanos;
        }
    }

    /**
     * An open span of one thread: closing it records it. Close it in the thread that opened it
     * (try-with-resources does). Closing twice records once.
     */
    public static final class Span implements AutoCloseable {
        private final Lane lane;
        private final String label;
        private final long start;
        private boolean closed;

        private Span(Lane lane, String label) {
            this.lane = lane;
            this.label = label;
            this.start = System.nanoTime();
        }

        /** Ends the span now and records it; only the thread that opened the span may close it. */
        @Override
        public void close() {
            if (Thread.currentThread() != lane.thread) {
                throw new IllegalStateException("a span must be closed by the thread that opened it ("
                        + lane.name() + "), not by " + Thread.currentThread().getName());
            }
            if (!closed) {
                closed = true;
                lane.add(label, start, System.nanoTime());
            }
        }
    }

    /**
     * One thread's records. Only its thread writes; readers (snapshots) run in any thread: the
     * entries are written before {@code size} is released, and the arrays are replaced only after
     * being copied, so a reader that sees size n sees n complete entries.
     */
    static final class Lane {
        static final long MARK = Long.MIN_VALUE;
        final Thread thread;
        final int order;
        private volatile Buffer buffer = new Buffer(64);
        private final AtomicInteger size = new AtomicInteger();
        private int marks; // written by the owner only; read approximately

        Lane(Thread thread, int order) {
            this.thread = thread;
            this.order = order;
        }

        void add(String label, long start, long end) {
            int n = size.get();
            Buffer b = buffer;
            if (n == b.starts.length) {
                b = b.grow();
                buffer = b;
            }
            b.labels[n] = label;
            b.starts[n] = start;
            b.ends[n] = end;
            if (end == MARK) {
                marks++;
            }
            size.lazySet(n + 1);
        }

        int size() {
            return size.get();
        }

        int markCount() {
            return marks;
        }

        long firstStart() {
            int n = size.get();
            Buffer b = buffer;
            long first = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                first = Math.min(first, b.starts[i]);
            }
            return first;
        }

        /** Entries {@code 0 .. n-1} of a consistent view: starts, ends (MARK for marks), labels. */
        View view() {
            int n = size.get();
            return new View(n, buffer);
        }

        String name() {
            String name = thread.getName();
            if (name == null || name.isEmpty()) {
                return (thread.isVirtual() ? "virtual #" : "thread #") + thread.threadId();
            }
            return name;
        }

        void collect(boolean wantMarks, long origin, List<Entry> out) {
            View v = view();
            String name = name();
            long id = thread.threadId();
            for (int i = 0; i < v.size; i++) {
                long s = v.buffer.starts[i] - origin;
                long e = v.buffer.ends[i];
                boolean mark = e == MARK;
                if (mark == wantMarks) {
                    out.add(new Entry(name, id, order, v.buffer.labels[i], s, mark ? s : e - origin));
                }
            }
        }
    }

    record View(int size, Buffer buffer) {
    }

    static final class Buffer {
        final long[] starts;
        final long[] ends;
        final String[] labels;

        Buffer(int capacity) {
            starts = new long[capacity];
            ends = new long[capacity];
            labels = new String[capacity];
        }

        Buffer grow() {
            Buffer b = new Buffer(starts.length * 2);
            System.arraycopy(starts, 0, b.starts, 0, starts.length);
            System.arraycopy(ends, 0, b.ends, 0, ends.length);
            System.arraycopy(labels, 0, b.labels, 0, labels.length);
            return b;
        }
    }
}
