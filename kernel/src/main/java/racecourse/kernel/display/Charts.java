package racecourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Renders a JFreeChart, headless, as an inline PNG. */
final class Charts {
    static final int DEFAULT_WIDTH = 720;
    static final int DEFAULT_HEIGHT = 420;
    static final String WIDTH = "width";
    static final String HEIGHT = "height";

    private Charts() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(JFreeChart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register(Charts::render);
    }

    private static void render(JFreeChart chart, RenderContext context) {
        int width = context.getParameterAsInt(WIDTH, DEFAULT_WIDTH);
        int height = context.getParameterAsInt(HEIGHT, DEFAULT_HEIGHT);
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart, width, height));
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
}
