package racecourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    @Test
    void aChartComesAsPngAndAsSvgOfTheSameSize() throws Exception {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(3, "threads", "a");
        data.addValue(5, "threads", "b");
        DisplayData shown = Display.render(ChartFactory.createBarChart("Work done", "x", "y", data));

        byte[] png = Base64.getDecoder().decode((String) shown.getData(MIMEType.IMAGE_PNG));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ChartRenderer.DEFAULT_WIDTH, image.getWidth());

        String svg = (String) shown.getData(MIMEType.IMAGE_SVG);
        assertNotNull(svg, "a small chart also comes as SVG");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(ChartRenderer.DEFAULT_WIDTH, Double.parseDouble(root.getAttribute("width")));
        assertEquals(ChartRenderer.DEFAULT_HEIGHT, Double.parseDouble(root.getAttribute("height")));
        assertTrue(svg.contains("Work done"), "the title is text in the SVG, not pixels");
    }

    @Test
    void aChartTooBigForSvgComesAsPngOnly() {
        XYSeries points = new XYSeries("events");
        for (int i = 0; i < 20_000; i++) {
            points.add(i, Math.sin(i / 100.0) * i);
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Many events", "t", "v", new XYSeriesCollection(points));
        assertTrue(ChartRenderer.svg(chart, 720, 420).length() > ChartRenderer.MAX_SVG_CHARS, "the test chart must be big");
        DisplayData shown = Display.render(chart);
        assertNull(shown.getData(MIMEType.IMAGE_SVG));
        assertNotNull(shown.getData(MIMEType.IMAGE_PNG));
    }
}
