package racecourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Renders a JFreeChart, headless, as an inline PNG and, when small enough, as SVG too. JupyterLab
 * shows the SVG (sharp at any zoom); tools that cannot (PDF export, GitHub's viewer) use the PNG.
 */
final class ChartRenderer {
    /**
     * An SVG larger than this is left out: a timeline of thousands of tasks would make the notebook
     * megabytes bigger for no visible gain over the PNG.
     */
    static final int MAX_SVG_CHARS = 256 * 1024;
    static final int DEFAULT_WIDTH = 720;
    static final int DEFAULT_HEIGHT = 420;
    static final String WIDTH = "width";
    static final String HEIGHT = "height";

    private ChartRenderer() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(JFreeChart.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)
                .register(ChartRenderer::render);
    }

    private static void render(JFreeChart chart, RenderContext context) {
        int width = context.getParameterAsInt(WIDTH, DEFAULT_WIDTH);
        int height = context.getParameterAsInt(HEIGHT, DEFAULT_HEIGHT);
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart, width, height));
        if (context.wantsDataRenderedAs(MIMEType.IMAGE_SVG)) {
            String svg = svg(chart, width, height);
            if (svg.length() <= MAX_SVG_CHARS) {
                context.getOutputContainer().putSVG(svg);
            }
        }
        String title = chart.getTitle() == null ? "" : ": " + chart.getTitle().getText();
        context.getOutputContainer().putText("JFreeChart" + title);
    }

    static String png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement();
    }
}
