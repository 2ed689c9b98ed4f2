package racecourse.viz;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders a chart as the kernel does (PNG through ChartUtils) and checks the decoded image. */
final class Png {
    private Png() {
    }

    /** Encodes at 720×420 (the kernel's default), decodes, and asserts size and that it is not blank. */
    static BufferedImage render(JFreeChart chart) throws IOException {
        return render(chart, 720, 420);
    }

    static BufferedImage render(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertNotNull(image, "PNG decodes");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        int colours = colours(image);
        assertTrue(colours > 20, "a drawn chart has many colours (text antialiasing, series); got " + colours);
        return image;
    }

    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** How many sampled pixels have exactly this colour (alpha ignored). */
    static int pixels(BufferedImage image, java.awt.Color colour) {
        int n = 0;
        int rgb = colour.getRGB() & 0xFFFFFF;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
