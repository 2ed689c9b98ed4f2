package racecourse.viz;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws a {@link Timeline} as a Gantt chart (threads down, time across). */
final class TimelineChart {
    static final int DEFAULT_MAX_ROWS = 40;
    /** Bars narrower than this share of the time axis are widened to it, so short spans stay visible. */
    private static final double MIN_BAR = 1.0 / 900;
    /** Spans of one label and thread closer than this share of the axis are drawn as one bar. */
    private static final double MERGE_GAP = 1.0 / 1500;

    private TimelineChart() {
    }

    static JFreeChart of(Timeline timeline, String title, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, was " + maxRows);
        }
        long origin = timeline.origin();
        List<Timeline.Lane> all = timeline.lanes();
        List<Timeline.Lane> rows = all.subList(0, Math.min(maxRows, all.size()));
        List<Timeline.View> views = new ArrayList<>();
        long end = 0;
        int spanCount = 0;
        int markCount = 0;
        for (Timeline.Lane lane : all) {
            Timeline.View v = lane.view();
            for (int i = 0; i < v.size(); i++) {
                long e = v.buffer().ends[i];
                if (e == Timeline.Lane.MARK) {
                    markCount++;
                    e = v.buffer().starts[i];
                } else {
                    spanCount++;
                }
                end = Math.max(end, e - origin);
            }
            if (views.size() < rows.size()) {
                views.add(v);
            }
        }
        Unit unit = end == 0 ? Unit.MILLIS : Unit.of(end);
        double range = end == 0 ? 1 : end / unit.nanos;
        double minBar = range * MIN_BAR;
        double mergeGap = range * MERGE_GAP;

        // Labels in order of first appearance in time, each with its own colour.
        Map<String, List<double[]>> bars = new LinkedHashMap<>();
        Map<String, List<double[]>> ticks = new LinkedHashMap<>();
        List<long[]> firstSeen = new ArrayList<>();
        for (int r = 0; r < views.size(); r++) {
            Timeline.View v = views.get(r);
            Integer[] order = new Integer[v.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            long[] starts = v.buffer().starts;
            Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
            List<Object[]> merged = new ArrayList<>(); // {label, from, to}
            String label = null;
            double from = 0;
            double to = 0;
            for (int k : order) {
                String l = String.valueOf(v.buffer().labels[k]);
                double s = (starts[k] - origin) / unit.nanos;
                long rawEnd = v.buffer().ends[k];
                if (rawEnd == Timeline.Lane.MARK) {
                    ticks.computeIfAbsent(l, x -> new ArrayList<>()).add(new double[]{r, s});
                    continue;
                }
                double e = (rawEnd - origin) / unit.nanos;
                if (label != null && label.equals(l) && s - to <= mergeGap) {
                    to = Math.max(to, e);
                    continue;
                }
                if (label != null) {
                    merged.add(new Object[]{label, from, to});
                }
                label = l;
                from = s;
                to = e;
            }
            if (label != null) {
                merged.add(new Object[]{label, from, to});
            }
            addBars(r, merged, minBar, bars);
        }
        // Order labels by first bar start, so the legend reads like the chart.
        List<String> labels = new ArrayList<>(bars.keySet());
        labels.sort((a, b) -> Double.compare(first(bars.get(a)), first(bars.get(b))));

        DefaultIntervalXYDataset spans = new DefaultIntervalXYDataset();
        double half = 0.36;
        for (String l : labels) {
            List<double[]> bs = bars.get(l);
            double[][] d = new double[6][bs.size()];
            for (int i = 0; i < bs.size(); i++) {
                double[] b = bs.get(i);
                d[0][i] = b[0];
                d[1][i] = b[0] - half;
                d[2][i] = b[0] + half;
                d[3][i] = b[1];
                d[4][i] = b[1];
                d[5][i] = b[2];
            }
            spans.addSeries(l, d);
        }

        String[] names = new String[rows.size()];
        for (int r = 0; r < names.length; r++) {
            names[r] = rows.get(r).name();
        }
        SymbolAxis threads = new SymbolAxis(null, names);
        threads.setInverted(true);
        threads.setAutoRange(false);
        threads.setRange(-0.6, Math.max(names.length, 1) - 0.4);
        threads.setGridBandPaint(Color.WHITE);
        threads.setGridBandAlternatePaint(new Color(0xF4F4F4));
        threads.setTickMarksVisible(false);
        threads.setAxisLineVisible(false);
        NumberAxis time = new NumberAxis("time since start (" + unit.symbol + ")");
        time.setRange(0, range * 1.02);

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < labels.size(); i++) {
            renderer.setSeriesPaint(i, Charts.color(i));
        }
        XYPlot plot = new XYPlot(spans, threads, time, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);

        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < labels.size(); i++) {
            legend.add(new LegendItem(labels.get(i), null, null, null,
                    new Rectangle2D.Double(-6, -6, 12, 12), Charts.color(i)));
        }
        if (!ticks.isEmpty()) {
            DefaultXYDataset marks = new DefaultXYDataset();
            XYLineAndShapeRenderer tickRenderer = new XYLineAndShapeRenderer(false, true);
            int m = 0;
            for (var e : ticks.entrySet()) {
                List<double[]> ps = e.getValue();
                double[][] d = new double[2][ps.size()];
                for (int i = 0; i < ps.size(); i++) {
                    d[0][i] = ps.get(i)[0];
                    d[1][i] = ps.get(i)[1];
                }
                String key = "mark: " + e.getKey();
                marks.addSeries(key, d);
                Color c = m == 0 ? Charts.INK : Charts.color(labels.size() + m - 1).darker();
                // Horizontal orientation: the thread axis is vertical, so a tall thin bar is a tick.
                Rectangle2D tick = new Rectangle2D.Double(-1.5, -9, 3, 18);
                tickRenderer.setSeriesPaint(m, c);
                tickRenderer.setSeriesShape(m, tick);
                legend.add(new LegendItem(key, null, null, null, tick, c));
                m++;
            }
            plot.setDataset(1, marks);
            plot.setRenderer(1, tickRenderer);
        }
        // Every series' colour, by renderer: the theme repaints series from its palette, and the
        // legend items above must keep naming the colours the bars and ticks are drawn in.
        List<Paint> spanPaints = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            spanPaints.add(renderer.getSeriesPaint(i));
        }
        List<Paint> tickPaints = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i++) {
            tickPaints.add(plot.getRenderer(1).getSeriesPaint(i));
        }
        plot.setFixedLegendItems(legend);

        boolean showLegend = labels.size() > 1 || !ticks.isEmpty();
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, showLegend);
        StringBuilder sub = new StringBuilder();
        sub.append(all.size()).append(all.size() == 1 ? " thread, " : " threads, ")
                .append(String.format("%,d", spanCount)).append(spanCount == 1 ? " span" : " spans");
        if (markCount > 0) {
            sub.append(", ").append(String.format("%,d", markCount)).append(markCount == 1 ? " mark" : " marks");
        }
        if (rows.size() < all.size()) {
            sub.append(" (showing the first ").append(rows.size()).append(" threads)");
        }
        if (all.isEmpty()) {
            sub.append(": nothing recorded yet");
        }
        chart.addSubtitle(new TextTitle(sub.toString()));
        Charts.style(chart);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        for (int i = 0; i < spanPaints.size(); i++) {
            renderer.setSeriesPaint(i, spanPaints.get(i));
        }
        for (int i = 0; i < tickPaints.size(); i++) {
            plot.getRenderer(1).setSeriesPaint(i, tickPaints.get(i));
        }
        threads.setTickLabelFont(names.length > 24 ? Charts.SMALL_FONT : Charts.TICK_FONT);
        return chart;
    }

    /**
     * Adds one row's bars. Bars at least a pixel wide are kept as they are; narrower ones go into
     * pixel-wide buckets, each drawn in the label that spent the most time in it. So 100k spans
     * draw as at most a few thousand bars, and dense interleavings show what dominated.
     */
    private static void addBars(int row, List<Object[]> merged, double bucket, Map<String, List<double[]>> bars) {
        java.util.TreeMap<Long, Map<String, Double>> buckets = new java.util.TreeMap<>();
        for (Object[] m : merged) {
            String label = (String) m[0];
            double from = (Double) m[1];
            double to = (Double) m[2];
            bars.computeIfAbsent(label, x -> new ArrayList<>());
            if (to - from >= bucket) {
                bars.get(label).add(new double[]{row, from, to});
            } else {
                long b = (long) Math.floor(from / bucket);
                buckets.computeIfAbsent(b, x -> new LinkedHashMap<>()).merge(label, Math.max(to - from, 1e-12),
                        Double::sum);
            }
        }
        String runLabel = null;
        long runFrom = 0;
        long runTo = -2;
        for (var e : buckets.entrySet()) {
            String top = null;
            double most = -1;
            for (var c : e.getValue().entrySet()) {
                if (c.getValue() > most) {
                    most = c.getValue();
                    top = c.getKey();
                }
            }
            long b = e.getKey();
            if (top.equals(runLabel) && b == runTo + 1) {
                runTo = b;
                continue;
            }
            if (runLabel != null) {
                bars.get(runLabel).add(new double[]{row, runFrom * bucket, (runTo + 1) * bucket});
            }
            runLabel = top;
            runFrom = b;
            runTo = b;
        }
        if (runLabel != null) {
            bars.get(runLabel).add(new double[]{row, runFrom * bucket, (runTo + 1) * bucket});
        }
    }

    private static double first(List<double[]> bars) {
        double f = Double.MAX_VALUE;
        for (double[] b : bars) {
            f = Math.min(f, b[1]);
        }
        return f;
    }

    /** The time unit that keeps the axis numbers short. */
    enum Unit {
        MICROS(1e3, "µs"), MILLIS(1e6, "ms"), SECONDS(1e9, "s");

        final double nanos;
        final String symbol;

        Unit(double nanos, String symbol) {
            this.nanos = nanos;
            this.symbol = symbol;
        }

        static Unit of(long rangeNanos) {
            if (rangeNanos < 2_000_000L) {
                return MICROS;
            }
            return rangeNanos < 20_000_000_000L ? MILLIS : SECONDS;
        }
    }
}
