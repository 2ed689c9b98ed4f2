package racecourse.viz;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Ready-made charts for the notebooks, all styled to read well at notebook width (720 px):
 * {@code display(Charts.outcomes(counts, "Lost updates"))}. Each returns a JFreeChart, so you can
 * still change it before showing it. {@link #style(JFreeChart)} gives your own charts the same look.
 */
public final class Charts {
    /** Tableau 10: colours that stay distinguishable, also for most colour-blind readers. */
    static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC)};
    static final Color INK = new Color(0x333333);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color GOOD = new Color(0x59A14F);
    static final Color BAD = new Color(0xE15759);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Outcome charts show at most this many bars; the rest become one "other" bar. */
    static final int MAX_OUTCOME_BARS = 20;

    private Charts() {
    }

    /**
     * Gives any chart the Racecourse look: white background, light grid, fonts of 12 px and more,
     * distinguishable colours, legend at the bottom without a frame. Returns the same chart.
     */
    public static JFreeChart style(JFreeChart chart) {
        theme().apply(chart);
        return chart;
    }

    /**
     * The Racecourse chart theme. The kernel makes it JFreeChart's current theme, so a chart made
     * with {@code ChartFactory} in a cell has the course's look without asking; {@link #style}
     * gives it to a chart built another way.
     */
    public static org.jfree.chart.ChartTheme theme() {
        return new RacecourseTheme();
    }

    /** JFreeChart's standard theme with our fonts and colours, plus what it leaves alone. */
    private static final class RacecourseTheme extends StandardChartTheme {
        RacecourseTheme() {
            super("Racecourse");
            setExtraLargeFont(TITLE_FONT);
            setLargeFont(LABEL_FONT);
            setRegularFont(TICK_FONT);
            setSmallFont(SMALL_FONT);
            setTitlePaint(INK);
            setSubtitlePaint(INK);
            setAxisLabelPaint(INK);
            setTickLabelPaint(INK);
            setLegendItemPaint(INK);
            setItemLabelPaint(INK);
            setChartBackgroundPaint(Color.WHITE);
            setPlotBackgroundPaint(Color.WHITE);
            setPlotOutlinePaint(GRID);
            setDomainGridlinePaint(GRID);
            setRangeGridlinePaint(GRID);
            setLegendBackgroundPaint(Color.WHITE);
            setAxisOffset(RectangleInsets.ZERO_INSETS);
            setBarPainter(new StandardBarPainter());
            setXYBarPainter(new StandardXYBarPainter());
            setShadowVisible(false);
            setDrawingSupplier(new DefaultDrawingSupplier(PALETTE.clone(),
                    DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
                    DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                    new java.awt.Stroke[]{new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)},
                    DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                    new Shape[]{new Ellipse2D.Double(-4, -4, 8, 8)}));
        }

        @Override
        public void apply(JFreeChart chart) {
            super.apply(chart);
            chart.setBackgroundPaint(Color.WHITE);
            chart.setPadding(new RectangleInsets(6, 6, 6, 12));
            if (chart.getTitle() != null) {
                chart.getTitle().setPaint(INK);
                chart.getTitle().setFont(TITLE_FONT);
            }
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                Title t = chart.getSubtitle(i);
                if (t instanceof LegendTitle legend) {
                    legend.setFrame(BlockBorder.NONE);
                    legend.setItemFont(SMALL_FONT);
                    legend.setBackgroundPaint(Color.WHITE);
                    legend.setPosition(RectangleEdge.BOTTOM);
                } else if (t instanceof TextTitle text) {
                    text.setFont(LABEL_FONT);
                    text.setPaint(INK);
                }
            }
            stylePlot(chart.getPlot());
        }
    }

    private static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                stylePlot(sub);
            }
        }
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlinesVisible(false);
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(1f));
            cat.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
    }

    /** The colour of the {@code i}-th series in Racecourse charts. */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * A jcstress-style outcome chart: one horizontal bar per distinct outcome, most frequent first,
     * each labelled with its count and share. Beyond {@value #MAX_OUTCOME_BARS} outcomes the rarest
     * are grouped into one "other" bar.
     *
     * @param counts how often each outcome happened (e.g. {@code "400000" -> 37L})
     * @param title  the chart's title
     */
    public static JFreeChart outcomes(Map<String, ? extends Number> counts, String title) {
        return outcomes(counts, title, null);
    }

    /**
     * Like {@link #outcomes(Map, String)}, with the {@code expected} outcomes in green and every other
     * outcome in red, so a race's wrong answers stand out.
     */
    public static JFreeChart outcomes(Map<String, ? extends Number> counts, String title,
                                      Collection<String> expected) {
        List<Map.Entry<String, ? extends Number>> rows = new ArrayList<>(ordered(counts));
        rows.sort(Comparator.comparingDouble((Map.Entry<String, ? extends Number> e) -> e.getValue().doubleValue())
                .reversed());
        double total = 0;
        for (var e : rows) {
            total += e.getValue().doubleValue();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Paint> paints = new ArrayList<>();
        int shown = Math.min(rows.size(), rows.size() > MAX_OUTCOME_BARS ? MAX_OUTCOME_BARS - 1 : MAX_OUTCOME_BARS);
        for (int i = 0; i < shown; i++) {
            var e = rows.get(i);
            String shownKey = Outcomes.shown(e.getKey());
            for (int n = 2; data.getColumnIndex(shownKey) >= 0; n++) {
                shownKey = Outcomes.shown(e.getKey()) + " (" + n + ")"; // "5" and "5\n" are two outcomes
            }
            data.addValue(e.getValue(), "runs", shownKey);
            paints.add(expected == null ? PALETTE[0] : expected.contains(e.getKey()) ? GOOD : BAD);
        }
        if (shown < rows.size()) {
            double rest = 0;
            for (var e : rows.subList(shown, rows.size())) {
                rest += e.getValue().doubleValue();
            }
            data.addValue(rest, "runs", "other (" + (rows.size() - shown) + " outcomes)");
            paints.add(PALETTE[9]);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "outcome", "runs", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        String subtitle = fmt(total) + " runs, " + rows.size() + " distinct outcome" + (rows.size() == 1 ? "" : "s");
        if (expected != null) {
            double good = 0;
            for (var e : rows) {
                if (expected.contains(e.getKey())) {
                    good += e.getValue().doubleValue();
                }
            }
            subtitle += "; green = expected (" + fmt(good) + "), red = other (" + fmt(total - good) + ")";
        }
        chart.addSubtitle(new TextTitle(subtitle));
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        final double sum = total;
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return paints.get(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                double v = dataset.getValue(row, column).doubleValue();
                return fmt(v) + "  (" + percent(v / sum) + ")";
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SMALL_FONT);
        renderer.setDefaultItemLabelPaint(INK);
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        plot.setRenderer(renderer);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        CategoryAxis outcomes = plot.getDomainAxis();
        outcomes.setMaximumCategoryLabelWidthRatio(0.4f);
        outcomes.setCategoryMargin(0.15);
        NumberAxis runs = (NumberAxis) plot.getRangeAxis();
        runs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        runs.setUpperMargin(0.25); // room for the labels right of the bars
        return chart;
    }

    /**
     * A histogram of {@code values} in {@code bins} equal-width bins; the subtitle gives n, mean,
     * median, min and max.
     *
     * @param xLabel what was measured, with its unit, e.g. {@code "latency (µs)"}
     */
    public static JFreeChart histogram(double[] values, int bins, String title, String xLabel) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        HistogramDataset data = new HistogramDataset();
        if (values.length > 0) {
            double min = Arrays.stream(values).min().orElse(0);
            double max = Arrays.stream(values).max().orElse(0);
            if (min == max) {
                min -= 0.5;
                max += 0.5;
            }
            data.addSeries("values", values, bins, min, max);
        }
        JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "count", data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.addSubtitle(new TextTitle(summary(values)));
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainGridlinesVisible(false);
        return chart;
    }

    private static String summary(double[] values) {
        if (values.length == 0) {
            return "no values";
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).average().orElse(0);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return "n = " + fmt(n) + ",  mean " + num(mean) + ",  median " + num(median)
                + ",  min " + num(sorted[0]) + ",  max " + num(sorted[n - 1]);
    }

    /**
     * Speedup and efficiency against thread count, with the ideal (linear) speedup, and a line at this
     * machine's number of cores ({@link Runtime#availableProcessors()}): beyond it, more threads cannot
     * run at the same time.
     * <p>Speedup is {@code T(1) / T(p)} when {@code threads} contains 1; otherwise the smallest thread
     * count {@code p0} is the baseline and assumed perfect ({@code p0 · T(p0) / T(p)}), which the
     * subtitle says. Efficiency is speedup divided by threads.
     *
     * @param threads thread counts, e.g. {@code {1, 2, 4, 8}}
     * @param seconds the wall time measured for each thread count
     */
    public static JFreeChart speedup(int[] threads, double[] seconds, String title) {
        return speedup(threads, seconds, title, Runtime.getRuntime().availableProcessors());
    }

    static JFreeChart speedup(int[] threads, double[] seconds, String title, int cores) {
        if (threads.length != seconds.length || threads.length == 0) {
            throw new IllegalArgumentException("need one time per thread count, got " + threads.length
                    + " thread counts and " + seconds.length + " times");
        }
        int base = 0;
        for (int i = 1; i < threads.length; i++) {
            if (threads[i] < threads[base]) {
                base = i;
            }
        }
        int p0 = threads[base];
        double work = p0 * seconds[base];
        XYSeries measured = new XYSeries("speedup", true, false);
        XYSeries efficiency = new XYSeries("efficiency", true, false);
        int maxThreads = 1;
        for (int i = 0; i < threads.length; i++) {
            double s = work / seconds[i];
            measured.add(threads[i], s);
            efficiency.add(threads[i], s / threads[i]);
            maxThreads = Math.max(maxThreads, threads[i]);
        }
        int right = Math.max(maxThreads, cores);
        XYSeries ideal = new XYSeries("ideal (linear speedup, 100% efficiency)");
        ideal.add(p0, p0);
        ideal.add(right, right);
        XYSeries idealE = new XYSeries("ideal efficiency");
        idealE.add(p0, 1.0);
        idealE.add(right, 1.0);

        NumberAxis threadAxis = new NumberAxis("threads");
        threadAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        threadAxis.setLowerBound(0);
        threadAxis.setUpperBound(right + 0.5);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(threadAxis);
        plot.setGap(12);

        XYSeriesCollection top = new XYSeriesCollection();
        top.addSeries(measured);
        top.addSeries(ideal);
        NumberAxis speedAxis = new NumberAxis("speedup (×)");
        speedAxis.setAutoRangeIncludesZero(true);
        XYPlot speed = new XYPlot(top, null, speedAxis, lines(PALETTE[0], true));
        XYSeriesCollection bottom = new XYSeriesCollection();
        bottom.addSeries(efficiency);
        bottom.addSeries(idealE);
        NumberAxis effAxis = new NumberAxis("efficiency");
        effAxis.setNumberFormatOverride(new DecimalFormat("0%"));
        effAxis.setAutoRangeIncludesZero(true);
        XYPlot eff = new XYPlot(bottom, null, effAxis, lines(PALETTE[1], false));
        plot.add(speed, 3);
        plot.add(eff, 2);
        for (XYPlot p : List.of(speed, eff)) {
            ValueMarker m = new ValueMarker(cores, new Color(0x888888),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            p.addDomainMarker(m, Layer.BACKGROUND);
            if (p == speed) {
                m.setLabel(cores + (cores == 1 ? " core" : " cores") + " on this machine ");
                m.setLabelFont(SMALL_FONT);
                m.setLabelPaint(INK);
                m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                boolean leftOfLine = cores > right / 2.0;
                m.setLabelAnchor(leftOfLine ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(leftOfLine ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        String sub = "speedup = T(1) / T(p),  efficiency = speedup / p";
        if (p0 != 1) {
            sub = "speedup = " + p0 + "·T(" + p0 + ") / T(p)  (no 1-thread run: " + p0 + " threads count as perfect)";
        }
        chart.addSubtitle(new TextTitle(sub));
        style(chart);
        // Keep our colours: the theme's drawing supplier must not repaint the series.
        speed.setRenderer(lines(PALETTE[0], true));
        eff.setRenderer(lines(PALETTE[1], false));
        return chart;
    }

    private static XYLineAndShapeRenderer lines(Color measured, boolean withIdealInLegend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, measured);
        r.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        r.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        r.setSeriesPaint(1, new Color(0x999999));
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{2f, 4f}, 0f));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesVisibleInLegend(1, withIdealInLegend);
        return r;
    }

    /**
     * A line chart of one or more series, each with points.
     *
     * @param series name → {@code {xs, ys}} (two rows of equal length: x values, then y values). The
     *               map's order is kept when it has one (LinkedHashMap, TreeMap), else names are sorted.
     */
    public static JFreeChart line(String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (var e : ordered(series)) {
            double[][] xy = e.getValue();
            if (xy == null || xy.length != 2 || xy[0].length != xy[1].length) {
                throw new IllegalArgumentException("series \"" + e.getKey()
                        + "\" must be {xs, ys}: two rows of equal length");
            }
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (int i = 0; i < xy[0].length; i++) {
                s.add(xy[0][i], xy[1][i]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
                PlotOrientation.VERTICAL, series.size() > 1, false, false);
        style(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, color(i));
            r.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            r.setSeriesShapesVisible(i, data.getItemCount(i) <= 60);
        }
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    /**
     * A bar chart with one bar per key, its value written above it.
     *
     * @param values name → value; the map's order is kept when it has one, else names are sorted
     */
    public static JFreeChart bar(String title, String xLabel, String yLabel, Map<String, ? extends Number> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (var e : ordered(values)) {
            data.addValue(e.getValue(), yLabel == null ? "value" : yLabel, e.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, data,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, PALETTE[0]);
        r.setMaximumBarWidth(0.12);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.###")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(SMALL_FONT);
        r.setDefaultItemLabelPaint(INK);
        plot.getRangeAxis().setUpperMargin(0.12);
        if (values.size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(
                    org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    /** The entries in the map's own order if it has one, else sorted by key. */
    static <V> List<Map.Entry<String, V>> ordered(Map<String, V> map) {
        List<Map.Entry<String, V>> entries = new ArrayList<>(map.entrySet());
        if (!(map instanceof SequencedMap<?, ?>)) {
            entries.sort(Map.Entry.comparingByKey());
        }
        return entries;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : num(v);
    }

    static String num(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 0.001 || a >= 1e7)) {
            return String.format("%.3g", v);
        }
        return new DecimalFormat(a >= 100 ? "#,##0.#" : "#,##0.###").format(v);
    }

    static String percent(double share) {
        if (share > 0 && share < 0.001) {
            return "<0.1%";
        }
        return new DecimalFormat(share < 0.1 ? "0.#%" : "0%").format(share);
    }
}
