package racecourse.grader.batch;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * totals.png: how many students got which total, one bar per tenth of the maximum (JFreeChart), in
 * the look of the notebooks' charts (racecourse.viz.Charts in the kernel, whose few style values are
 * copied here: the autograder does not depend on the kernel).
 */
public final class Histogram {
    /** Tableau 10's blue, the first colour of the course's charts. */
    static final Color BAR = new Color(0x4E79A7);
    static final Color INK = new Color(0x333333);
    static final Color GRID = new Color(0xDDDDDD);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final int BINS = 10;

    private Histogram() {
    }

    public static byte[] png(List<Double> totals, double max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart(totals, max), 800, 450);
        return out.toByteArray();
    }

    static JFreeChart chart(List<Double> totals, double max) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        double top = Math.max(max, 1);
        HistogramDataset data = new HistogramDataset();
        if (!totals.isEmpty()) {
            data.addSeries("students", totals.stream().mapToDouble(Double::doubleValue).toArray(), BINS, 0, top);
        }
        JFreeChart chart = ChartFactory.createHistogram("Totals of " + totals.size() + " student" + (totals.size() == 1 ? "" : "s"),
                "total (out of " + Gradebook.number(max) + ")", "students", data, PlotOrientation.VERTICAL, false, false, false);
        theme().apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        chart.addSubtitle(new TextTitle(summary(totals), LABEL_FONT, INK,
                TextTitle.DEFAULT_POSITION, TextTitle.DEFAULT_HORIZONTAL_ALIGNMENT, TextTitle.DEFAULT_VERTICAL_ALIGNMENT,
                TextTitle.DEFAULT_PADDING));

        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setSeriesPaint(0, BAR);
        bars.setDrawBarOutline(true); // white gaps between neighbouring bars
        bars.setSeriesOutlinePaint(0, Color.WHITE);
        bars.setDefaultOutlineStroke(new BasicStroke(1f));

        NumberAxis students = (NumberAxis) plot.getRangeAxis();
        students.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // counts: no 0.5 student
        students.setLowerBound(0);
        students.setUpperMargin(0.1);
        NumberAxis total = (NumberAxis) plot.getDomainAxis();
        total.setRange(0, top); // the bins' edges: ticks fall on them, no margin beyond the maximum
        total.setTickUnit(new NumberTickUnit(top / BINS, new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return chart;
    }

    /** Mean and median, as the gradebook writes numbers. */
    static String summary(List<Double> totals) {
        if (totals.isEmpty()) {
            return "no student graded";
        }
        double[] sorted = totals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mean = java.util.Arrays.stream(sorted).sum() / n;
        return "mean " + Gradebook.number(Math.round(mean * 100) / 100.0) + ", median " + Gradebook.number(median);
    }

    /** The notebooks' look (racecourse.viz.Charts): white, light grid, flat bars, sans-serif in dark grey. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("Racecourse");
        theme.setExtraLargeFont(TITLE_FONT);
        theme.setLargeFont(LABEL_FONT);
        theme.setRegularFont(TICK_FONT);
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(INK);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }
}
