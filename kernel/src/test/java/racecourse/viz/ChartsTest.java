package racecourse.viz;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    @Test
    void outcomesAreSortedByCountAndLabelled() throws Exception {
        Map<String, Long> counts = new HashMap<>(Map.of("387112", 1L, "400000", 37L, "391004", 2L));
        JFreeChart chart = Charts.outcomes(counts, "Lost updates");
        CategoryPlot plot = chart.getCategoryPlot();
        assertEquals(List.of("400000", "391004", "387112"), plot.getDataset().getColumnKeys());
        assertEquals("40 runs, 3 distinct outcomes", ((TextTitle) chart.getSubtitle(0)).getText());
        Png.render(chart);
        BufferedImage green = Png.render(Charts.outcomes(counts, "Lost updates", Set.of("400000")));
        assertTrue(Png.pixels(green, Charts.GOOD) > 100 && Png.pixels(green, Charts.BAD) > 10,
                "expected outcomes green, others red");
    }

    @Test
    void manyOutcomesAreGroupedIntoOther() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            counts.put("outcome " + i, (long) (i + 1));
        }
        JFreeChart chart = Charts.outcomes(counts, "Many");
        List<?> keys = chart.getCategoryPlot().getDataset().getColumnKeys();
        assertEquals(Charts.MAX_OUTCOME_BARS, keys.size());
        assertEquals("other (31 outcomes)", keys.get(keys.size() - 1));
        Png.render(chart);
    }

    @Test
    void histogramSaysWhatItSummarises() throws Exception {
        Random r = new Random(1);
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 50 + 10 * r.nextGaussian();
        }
        JFreeChart chart = Charts.histogram(v, 30, "Latency", "latency (µs)");
        assertTrue(((TextTitle) chart.getSubtitle(0)).getText().startsWith("n = 1,000,  mean "));
        Png.render(chart);
        Png.render(Charts.histogram(new double[]{3, 3, 3}, 5, "All equal", "x"));
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram(v, 0, "t", "x"));
    }

    @Test
    void speedupMarksThisMachinesCores() throws Exception {
        JFreeChart chart = Charts.speedup(new int[]{1, 2, 4, 8}, new double[]{8, 4.1, 2.2, 2.0}, "Sum", 4);
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot();
        var speed = plot.getSubplots().get(0);
        assertEquals(4.0, speed.getDataset().getYValue(0, 3), 1e-9); // 8 / 2.0 at 8 threads
        var marker = (org.jfree.chart.plot.ValueMarker) speed.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)
                .iterator().next();
        assertEquals(4.0, marker.getValue());
        assertTrue(marker.getLabel().contains("4 cores on this machine"), marker.getLabel());
        var eff = plot.getSubplots().get(1);
        assertEquals(0.5, eff.getDataset().getYValue(0, 3), 1e-9);
        Png.render(chart);
        JFreeChart noOne = Charts.speedup(new int[]{2, 4}, new double[]{4, 2}, "No baseline");
        assertTrue(((TextTitle) noOne.getSubtitle(1)).getText().contains("threads count as perfect"));
        Png.render(noOne);
        assertThrows(IllegalArgumentException.class, () -> Charts.speedup(new int[]{1}, new double[]{}, "x"));
    }

    @Test
    void lineAndBarKeepTheMapsOrder() throws Exception {
        Map<String, double[][]> s = new LinkedHashMap<>();
        s.put("synchronized", new double[][]{{1, 2, 4}, {10, 25, 60}});
        s.put("AtomicLong", new double[][]{{1, 2, 4}, {5, 12, 30}});
        JFreeChart line = Charts.line("Cost", "threads", "ns per increment", s);
        assertEquals("synchronized", line.getXYPlot().getDataset().getSeriesKey(0));
        Png.render(line);
        assertThrows(IllegalArgumentException.class,
                () -> Charts.line("bad", "x", "y", Map.of("a", new double[][]{{1, 2}, {1}})));

        Map<String, Number> values = new LinkedHashMap<>();
        values.put("synchronized", 130);
        values.put("LongAdder", 6.3);
        JFreeChart bar = Charts.bar("Cost", "counter", "ns", values);
        assertEquals(List.of("synchronized", "LongAdder"), bar.getCategoryPlot().getDataset().getColumnKeys());
        Png.render(bar);
        // An unordered map is shown sorted, so colours and order do not change between runs.
        JFreeChart sorted = Charts.bar("Cost", "counter", "ns", Map.of("b", 2, "a", 1, "c", 3));
        assertEquals(List.of("a", "b", "c"), sorted.getCategoryPlot().getDataset().getColumnKeys());
    }

    @Test
    void styledChartsUseReadableFontsOnWhite() {
        JFreeChart c = Charts.bar("t", "x", "y", Map.of("a", 1));
        assertEquals(java.awt.Color.WHITE, c.getBackgroundPaint());
        assertEquals(java.awt.Color.WHITE, c.getPlot().getBackgroundPaint());
        assertTrue(c.getTitle().getFont().getSize() >= 12);
        assertTrue(c.getCategoryPlot().getDomainAxis().getTickLabelFont().getSize() >= 12);
        assertTrue(c.getCategoryPlot().getRangeAxis().getLabelFont().getSize() >= 12);
    }

    @Test
    void aChartFactoryChartGetsTheCourseLookOnceTheThemeIsCurrent() {
        org.jfree.chart.ChartTheme before = org.jfree.chart.ChartFactory.getChartTheme();
        try {
            org.jfree.chart.ChartFactory.setChartTheme(Charts.theme());
            org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
            data.addValue(1, "a", "x");
            data.addValue(2, "b", "x");
            JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart("plain", "n", "v", data);
            assertEquals(java.awt.Color.WHITE, chart.getPlot().getBackgroundPaint());
            assertEquals(Charts.color(0), ((org.jfree.chart.renderer.AbstractRenderer) chart.getCategoryPlot().getRenderer()).lookupSeriesPaint(0));
            assertEquals(Charts.color(1), ((org.jfree.chart.renderer.AbstractRenderer) chart.getCategoryPlot().getRenderer()).lookupSeriesPaint(1));
            assertEquals(org.jfree.chart.block.BlockBorder.NONE, chart.getLegend().getFrame());
            assertEquals(Charts.TITLE_FONT, chart.getTitle().getFont());
        } finally {
            org.jfree.chart.ChartFactory.setChartTheme(before);
        }
    }
}
