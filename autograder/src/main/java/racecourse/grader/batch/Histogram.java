package racecourse.grader.batch;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.statistics.HistogramDataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** totals.png: how many students got which total, one bar per tenth of the maximum (JFreeChart). */
public final class Histogram {
    private Histogram() {
    }

    public static byte[] png(List<Double> totals, double max) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        HistogramDataset data = new HistogramDataset();
        if (!totals.isEmpty()) {
            data.addSeries("students", totals.stream().mapToDouble(Double::doubleValue).toArray(), 10, 0, Math.max(max, 1));
        }
        JFreeChart chart = ChartFactory.createHistogram("Totals (" + totals.size() + " students)",
                "total out of " + Gradebook.number(max), "students", data, PlotOrientation.VERTICAL, false, false, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, 800, 450);
        return out.toByteArray();
    }
}
