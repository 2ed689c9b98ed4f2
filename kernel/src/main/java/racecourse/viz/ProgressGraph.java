package racecourse.viz;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress graph of two threads (CS:APP, figure 12.21): thread 1's instructions across, thread 2's
 * up. A point (i, j) is the state in which thread 1 has completed i instructions and thread 2 j; an
 * execution is a trajectory from (0, 0), one step right or up per instruction.
 * <pre>
 * ProgressGraph g = new ProgressGraph("Thread 1", List.of("H1","L1","U1","S1","T1"),
 *                                     "Thread 2", List.of("H2","L2","U2","S2","T2"));
 * g.unsafe(1, 3, 1, 3);          // L..S of both: the critical sections
 * g.trajectory(1, 1, 2, 2, 2, 1, 1, 2, 1, 2);
 * display(g.chart("cnt++ in two threads"));
 * </pre>
 * Instructions are numbered from 0 in the lists given. A region {@code (from1, to1, from2, to2)} spans
 * instructions {@code from..to} (inclusive) of each thread; its inside is the states in which both
 * threads have completed the first and not the last of those instructions, as in CS:APP.
 */
public final class ProgressGraph {
    private final String name1;
    private final String name2;
    private final List<String> instr1;
    private final List<String> instr2;
    private final List<Region> regions = new ArrayList<>();
    /** The trajectory as the sequence of threads (1 or 2) that stepped. */
    private final List<Integer> steps = new ArrayList<>();
    private int done1;
    private int done2;

    /**
     * A progress graph of two threads and their instructions, e.g.
     * {@code new ProgressGraph("Thread 1", List.of("H1","L1","U1","S1","T1"), "Thread 2", List.of(...))}.
     */
    public ProgressGraph(String thread1, List<String> instructions1, String thread2, List<String> instructions2) {
        if (instructions1.isEmpty() || instructions2.isEmpty()) {
            throw new IllegalArgumentException("each thread needs at least one instruction");
        }
        this.name1 = thread1;
        this.name2 = thread2;
        this.instr1 = List.copyOf(instructions1);
        this.instr2 = List.copyOf(instructions2);
    }

    /**
     * Marks the unsafe region: thread 1's critical section is its instructions {@code from1..to1},
     * thread 2's {@code from2..to2} (indexes from 0, inclusive). Returns this, for chaining.
     */
    public ProgressGraph unsafe(int from1, int to1, int from2, int to2) {
        return add(new Region(Kind.UNSAFE, "unsafe region", from1, to1, from2, to2));
    }

    /**
     * Like {@link #unsafe(int, int, int, int)}, naming the first and last instruction of each critical
     * section: {@code unsafe("L1", "S1", "L2", "S2")}.
     */
    public ProgressGraph unsafe(String first1, String last1, String first2, String last2) {
        return unsafe(index(instr1, first1, "thread 1"), index(instr1, last1, "thread 1"),
                index(instr2, first2, "thread 2"), index(instr2, last2, "thread 2"));
    }

    /**
     * Like {@link #forbidden(String, int, int, int, int)}, naming each thread's lock and unlock
     * instructions: {@code forbidden("s", "P(s)", "V(s)", "P(s)", "V(s)")}.
     */
    public ProgressGraph forbidden(String mutex, String lock1, String unlock1, String lock2, String unlock2) {
        return forbidden(mutex, index(instr1, lock1, "thread 1"), index(instr1, unlock1, "thread 1"),
                index(instr2, lock2, "thread 2"), index(instr2, unlock2, "thread 2"));
    }

    private static int index(List<String> instructions, String name, String who) {
        int i = instructions.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(who + " has no instruction \"" + name + "\"; it has " + instructions);
        }
        return i;
    }

    /**
     * Marks a forbidden region of a mutex: thread 1 holds it from its instruction {@code from1}
     * (the lock, P) to {@code to1} (the unlock, V), thread 2 from {@code from2} to {@code to2}. No
     * trajectory can enter it. The deadlock region, the states from which every way forward runs
     * into a forbidden region, is found and drawn from the forbidden regions given.
     *
     * @param mutex the lock's name, e.g. {@code "s"}
     */
    public ProgressGraph forbidden(String mutex, int from1, int to1, int from2, int to2) {
        return add(new Region(Kind.FORBIDDEN, "forbidden region for " + mutex, from1, to1, from2, to2));
    }

    /** Like {@link #forbidden(String, int, int, int, int)} for an unnamed mutex. */
    public ProgressGraph forbidden(int from1, int to1, int from2, int to2) {
        return add(new Region(Kind.FORBIDDEN, "forbidden region", from1, to1, from2, to2));
    }

    private ProgressGraph add(Region r) {
        check(r.from1, r.to1, instr1.size(), "thread 1");
        check(r.from2, r.to2, instr2.size(), "thread 2");
        synchronized (this) {
            regions.add(r);
        }
        return this;
    }

    private static void check(int from, int to, int n, String who) {
        if (from < 0 || to >= n || from > to) {
            throw new IllegalArgumentException(who + ": need 0 <= from <= to < " + n + ", got " + from + ".." + to);
        }
    }

    /**
     * Records that {@code thread} (1 or 2) completed its next instruction. Thread-safe: the two
     * threads of a demo call it after each of their instructions, and the order of the calls is the
     * trajectory. (A call comes just after its instruction, so it shows one order the instructions could
     * have had, not a measurement of the hardware.)
     */
    public synchronized ProgressGraph step(int thread) {
        if (thread == 1) {
            if (done1 == instr1.size()) {
                throw new IllegalStateException("thread 1 has completed all its " + instr1.size() + " instructions");
            }
            done1++;
        } else if (thread == 2) {
            if (done2 == instr2.size()) {
                throw new IllegalStateException("thread 2 has completed all its " + instr2.size() + " instructions");
            }
            done2++;
        } else {
            throw new IllegalArgumentException("thread must be 1 or 2, was " + thread);
        }
        steps.add(thread);
        return this;
    }

    /** Records several steps, e.g. {@code trajectory(1, 1, 2, 2, 1)}: thread 1 twice, thread 2 twice, ... */
    public synchronized ProgressGraph trajectory(int... threadOrder) {
        for (int t : threadOrder) {
            step(t);
        }
        return this;
    }

    /** Forgets the trajectory (keeps the regions), to record another run. */
    public synchronized ProgressGraph clearTrajectory() {
        steps.clear();
        done1 = 0;
        done2 = 0;
        return this;
    }

    /** The trajectory's states, from (0, 0): {@code [i, j]} = instructions completed by thread 1 and 2. */
    public synchronized List<int[]> points() {
        List<int[]> ps = new ArrayList<>();
        int i = 0;
        int j = 0;
        ps.add(new int[]{0, 0});
        for (int t : steps) {
            if (t == 1) {
                i++;
            } else {
                j++;
            }
            ps.add(new int[]{i, j});
        }
        return ps;
    }

    /** Whether the trajectory entered (the inside of) an unsafe region: the threads raced. */
    public boolean enteredUnsafe() {
        return entered(Kind.UNSAFE);
    }

    /** Whether the trajectory entered a forbidden region (impossible for threads that really hold the locks). */
    public boolean enteredForbidden() {
        return entered(Kind.FORBIDDEN);
    }

    /**
     * Whether the trajectory reached a state of the deadlock region: from there every way forward runs
     * into a forbidden region, so the threads will deadlock.
     */
    public boolean enteredDeadlock() {
        boolean[][] doomed = deadlockStates();
        for (int[] p : points()) {
            if (doomed[p[0]][p[1]]) {
                return true;
            }
        }
        return false;
    }

    private boolean hasDeadlockRegion() {
        for (boolean[] row : deadlockStates()) {
            for (boolean d : row) {
                if (d) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean entered(Kind kind) {
        List<Region> rs = regions(kind);
        for (int[] p : points()) {
            for (Region r : rs) {
                if (r.inside(p[0], p[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized List<Region> regions(Kind kind) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions) {
            if (r.kind == kind) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The states that are in no forbidden region but from which every step leads into one or into
     * another such state: once there, the threads cannot finish.
     */
    boolean[][] deadlockStates() {
        int n1 = instr1.size();
        int n2 = instr2.size();
        List<Region> forbidden = regions(Kind.FORBIDDEN);
        boolean[][] blocked = new boolean[n1 + 1][n2 + 1];
        boolean[][] doomed = new boolean[n1 + 1][n2 + 1];
        if (forbidden.isEmpty()) {
            return doomed;
        }
        for (int i = 0; i <= n1; i++) {
            for (int j = 0; j <= n2; j++) {
                for (Region r : forbidden) {
                    blocked[i][j] |= r.inside(i, j);
                }
            }
        }
        for (int i = n1; i >= 0; i--) {
            for (int j = n2; j >= 0; j--) {
                if (blocked[i][j] || (i == n1 && j == n2)) {
                    continue;
                }
                boolean right = i < n1 && !blocked[i + 1][j] && !doomed[i + 1][j];
                boolean up = j < n2 && !blocked[i][j + 1] && !doomed[i][j + 1];
                doomed[i][j] = !right && !up;
            }
        }
        return doomed;
    }

    /**
     * The graph: the grid of states, each thread's instructions along its axis, the regions shaded and
     * named, and the trajectory with arrows. The subtitle says whether the trajectory entered the
     * unsafe region (or the deadlock region).
     */
    public JFreeChart chart(String title) {
        int n1 = instr1.size();
        int n2 = instr2.size();
        List<int[]> points = points();

        XYSeries path = new XYSeries("trajectory", false, true);
        for (int[] p : points) {
            path.add(p[0], p[1]);
        }
        XYSeriesCollection data = new XYSeriesCollection(path);
        NumberAxis x = new InstructionAxis(name1, instr1);
        NumberAxis y = new InstructionAxis(name2, instr2);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        // The grid of states.
        BasicStroke thin = new BasicStroke(1f);
        for (int i = 0; i <= n1; i++) {
            renderer.addAnnotation(new XYLineAnnotation(i, 0, i, n2, thin, Charts.GRID), Layer.BACKGROUND);
        }
        for (int j = 0; j <= n2; j++) {
            renderer.addAnnotation(new XYLineAnnotation(0, j, n1, j, thin, Charts.GRID), Layer.BACKGROUND);
        }

        // Regions: the inside of [from, to+1] on each axis.
        List<Region> rs;
        synchronized (this) {
            rs = List.copyOf(regions);
        }
        for (Region r : rs) {
            Color c = r.kind == Kind.UNSAFE ? new Color(225, 87, 89, 70) : new Color(120, 120, 120, 80);
            Color edge = r.kind == Kind.UNSAFE ? new Color(0xE15759) : new Color(0x666666);
            Rectangle2D box = new Rectangle2D.Double(r.from1, r.from2, r.to1 + 1 - r.from1, r.to2 + 1 - r.from2);
            plot.getRenderer().addAnnotation(new XYShapeAnnotation(box, new BasicStroke(1.2f), edge, c),
                    Layer.BACKGROUND);
        }
        List<XYTextAnnotation> labels = new ArrayList<>();
        for (Region r : rs) {
            XYTextAnnotation label = new XYTextAnnotation(r.label, (r.from1 + r.to1 + 1) / 2.0,
                    r.kind == Kind.UNSAFE ? r.to2 + 1 - 0.15 : (r.from2 + r.to2 + 1) / 2.0);
            label.setPaint(r.kind == Kind.UNSAFE ? new Color(0xB03030) : new Color(0x444444));
            label.setTextAnchor(r.kind == Kind.UNSAFE ? TextAnchor.TOP_CENTER : TextAnchor.CENTER);
            label.setBackgroundPaint(new Color(255, 255, 255, 170));
            labels.add(label);
        }
        boolean[][] doomed = deadlockStates();
        boolean anyDoomed = false;
        double dx0 = Double.MAX_VALUE;
        double dy0 = Double.MAX_VALUE;
        double dx1 = -1;
        double dy1 = -1;
        for (int i = 0; i <= n1; i++) {
            for (int j = 0; j <= n2; j++) {
                if (doomed[i][j]) {
                    anyDoomed = true;
                    // The cell below-left of a deadlock state: where both threads are working on the
                    // instruction (the lock) that takes them into it.
                    Rectangle2D cell = new Rectangle2D.Double(Math.max(i - 1, 0), Math.max(j - 1, 0),
                            i == 0 ? 1 : 1, j == 0 ? 1 : 1);
                    plot.getRenderer().addAnnotation(new XYShapeAnnotation(cell, null, null,
                            new Color(242, 142, 43, 110)), Layer.BACKGROUND);
                    dx0 = Math.min(dx0, cell.getMinX());
                    dy0 = Math.min(dy0, cell.getMinY());
                    dx1 = Math.max(dx1, cell.getMaxX());
                    dy1 = Math.max(dy1, cell.getMaxY());
                }
            }
        }
        if (anyDoomed) {
            XYTextAnnotation label = new XYTextAnnotation("deadlock region", (dx0 + dx1) / 2, (dy0 + dy1) / 2);
            label.setPaint(new Color(0x9A4F00));
            label.setBackgroundPaint(new Color(255, 255, 255, 170));
            labels.add(label);
        }

        // Arrows along the trajectory, one per step (every other step on long ones).
        int every = points.size() > 30 ? 2 : 1;
        for (int k = 1; k < points.size(); k += every) {
            int[] a = points.get(k - 1);
            int[] b = points.get(k);
            boolean right = b[0] > a[0];
            double mx = right ? a[0] + 0.62 : a[0];
            double my = right ? a[1] : a[1] + 0.62;
            XYPointerAnnotation arrow = new XYPointerAnnotation("", mx, my, right ? Math.PI : Math.PI / 2);
            arrow.setBaseRadius(12);
            arrow.setTipRadius(0);
            arrow.setArrowLength(10);
            arrow.setArrowWidth(5);
            arrow.setArrowPaint(Charts.PALETTE[0].darker());
            arrow.setArrowStroke(new BasicStroke(2f));
            plot.addAnnotation(arrow, false);
        }

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(verdict(points)));
        Charts.style(chart);
        // After the theme, which would give text annotations its small plain font.
        for (XYTextAnnotation label : labels) {
            label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            plot.addAnnotation(label, false);
        }
        renderer.setSeriesPaint(0, Charts.PALETTE[0].darker());
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.setFixedLegendItems(new LegendItemCollection());
        x.setRange(-0.15, n1 + 0.15);
        y.setRange(-0.15, n2 + 0.15);
        return chart;
    }

    private String verdict(List<int[]> points) {
        int n = points.size() - 1;
        if (n == 0) {
            return "no trajectory recorded yet (step(1), step(2) or trajectory(...))";
        }
        String steps = n + (n == 1 ? " step" : " steps");
        boolean hasUnsafe = !regions(Kind.UNSAFE).isEmpty();
        List<String> said = new ArrayList<>();
        if (hasUnsafe) {
            said.add(enteredUnsafe() ? "the trajectory ENTERED the unsafe region: the threads raced"
                    : "the trajectory stayed out of the unsafe region: safe");
        }
        if (enteredForbidden()) {
            said.add("the trajectory ENTERED a forbidden region (impossible if the threads hold the locks)");
        }
        if (enteredDeadlock()) {
            said.add("the trajectory ENTERED the deadlock region: the threads deadlock");
        } else if (hasDeadlockRegion()) {
            said.add("the trajectory stayed out of the deadlock region: no deadlock this time");
        }
        if (said.isEmpty()) {
            return steps;
        }
        return steps + "; " + String.join("; ", said);
    }

    enum Kind { UNSAFE, FORBIDDEN }

    record Region(Kind kind, String label, int from1, int to1, int from2, int to2) {
        /** Both threads past the first instruction and not past the last: strictly inside. */
        boolean inside(int i, int j) {
            return i > from1 && i <= to1 && j > from2 && j <= to2;
        }
    }

    /** An axis whose ticks name the instructions, each in the middle of its step. */
    private static final class InstructionAxis extends NumberAxis {
        private final List<String> names;

        InstructionAxis(String label, List<String> names) {
            super(label);
            this.names = names;
            setTickMarksVisible(false);
            setAutoRange(false);
        }

        @Override
        public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
                                             RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            for (int k = 0; k < names.size(); k++) {
                ticks.add(new NumberTick(TickType.MAJOR, k + 0.5, names.get(k),
                        vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER,
                        TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }
}
