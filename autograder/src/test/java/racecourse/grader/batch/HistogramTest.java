package racecourse.grader.batch;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** totals.png looks like the notebooks' charts: white, the course's blue, labelled, whole counts. */
class HistogramTest {
    /** Four students, one per bar: JFreeChart's default axis would tick 0.1, 0.2, ... students. */
    private static final List<Double> ONE_PER_BAR = List.of(3.33, 10.0, 17.5, 20.0);

    @Test
    void thePngIsWhiteWithTheCourseBlueAndNoDefaultGrey() throws Exception {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Histogram.png(ONE_PER_BAR, 20)));
        assertEquals(800, png.getWidth());
        int white = 0, blue = 0, defaultGrey = 0, defaultRed = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y) & 0xFFFFFF;
                white += rgb == 0xFFFFFF ? 1 : 0;
                blue += rgb == Histogram.BAR.getRGB() - 0xFF000000 ? 1 : 0;
                defaultGrey += rgb == (Color.LIGHT_GRAY.getRGB() & 0xFFFFFF) ? 1 : 0; // JFreeChart's plot background
                defaultRed += rgb == 0xFF5555 ? 1 : 0; // JFreeChart's first series colour
            }
        }
        int all = png.getWidth() * png.getHeight();
        // JFreeChart's defaults fill most of the plot; a few anti-aliased text pixels may be that grey.
        assertTrue(defaultGrey < all / 100, "pixels of JFreeChart's grey plot background: " + defaultGrey);
        assertTrue(defaultRed < all / 100, "pixels of JFreeChart's default red bars: " + defaultRed);
        assertTrue(white > all / 2, "white: " + white + " of " + all);
        assertTrue(blue > all / 50, "course-blue bars: " + blue + " of " + all);
    }

    @Test
    void countsAreWholeAndEveryAxisIsLabelled() {
        JFreeChart chart = Histogram.chart(ONE_PER_BAR, 20);
        drawn(chart); // the axes choose their tick units while drawing
        XYPlot plot = chart.getXYPlot();
        NumberAxis students = (NumberAxis) plot.getRangeAxis();
        double unit = students.getTickUnit().getSize();
        assertTrue(unit >= 1 && unit == Math.rint(unit), "students tick every " + unit);
        assertEquals(0, students.getLowerBound());
        assertEquals("students", students.getLabel());
        NumberAxis total = (NumberAxis) plot.getDomainAxis();
        assertEquals("total (out of 20)", total.getLabel());
        assertEquals(2, total.getTickUnit().getSize(), "a tick at each bar's edge");
        assertEquals(20, total.getUpperBound());
        assertEquals("Totals of 4 students", chart.getTitle().getText());
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
        assertEquals(Color.WHITE, plot.getBackgroundPaint());
    }

    @Test
    void theSubtitleGivesMeanAndMedian() {
        assertEquals("mean 12.71, median 13.75", Histogram.summary(ONE_PER_BAR));
        assertEquals("no student graded", Histogram.summary(List.of()));
        drawn(Histogram.chart(List.of(), 110)); // an empty class still draws
    }

    private static void drawn(JFreeChart chart) {
        BufferedImage image = new BufferedImage(800, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 800, 450));
        g.dispose();
    }
}
