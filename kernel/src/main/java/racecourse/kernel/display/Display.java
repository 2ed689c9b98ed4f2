package racecourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import racecourse.kernel.Cell;
import racecourse.kernel.output.CellRouting;

import java.util.Map;
import java.util.UUID;

/**
 * Rich output from cell code. Every cell has these in scope ({@code import static}):
 * {@code display(chart)}, {@code display(html("<b>hi</b>"))}, {@code updateDisplay(id, value)}.
 * Output goes to the cell whose thread calls it, like {@code System.out}.
 */
public final class Display {
    private static final Renderer RENDERER = newRenderer();

    private Display() {
    }

    static Renderer newRenderer() {
        Renderer renderer = new Renderer();
        org.dflib.jjava.jupyter.kernel.display.common.Image.registerAll(renderer);
        org.dflib.jjava.jupyter.kernel.display.common.Text.registerAll(renderer);
        ChartRenderer.register(renderer);
        return renderer;
    }

    /** The mime bundle of a value: charts and images as PNG, {@link DisplayData} as is, else text. */
    public static DisplayData render(Object value) {
        if (value instanceof DisplayData d) {
            return d;
        }
        DisplayData data = RENDERER.render(value);
        if (!data.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)) {
            data.putText(String.valueOf(value));
        }
        return data;
    }

    /** Shows {@code value} in the current cell; the handle can replace it later. */
    public static DisplayHandle display(Object value) {
        DisplayData data = copyOf(render(value));
        String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
        data.setDisplayId(id);
        cell().display(data, false);
        return new DisplayHandle(id);
    }

    /** Shows a chart at the given size in pixels. */
    public static DisplayHandle display(org.jfree.chart.JFreeChart chart, int width, int height) {
        DisplayData data = RENDERER.render(chart, Map.of(ChartRenderer.WIDTH, width, ChartRenderer.HEIGHT, height));
        return display(data);
    }

    /** Replaces what an earlier {@link #display} showed, wherever it is. */
    public static void updateDisplay(String displayId, Object value) {
        DisplayData data = copyOf(render(value));
        data.setDisplayId(displayId);
        cell().display(data, true);
    }

    public static DisplayData html(String html) {
        DisplayData d = new DisplayData("[HTML]");
        d.putHTML(html);
        return d;
    }

    public static DisplayData markdown(String markdown) {
        DisplayData d = new DisplayData(markdown);
        d.putMarkdown(markdown);
        return d;
    }

    /** Clears the cell's output, now or ({@code wait}) just before its next output. */
    public static void clearOutput(boolean wait) {
        cell().clearOutput(wait);
    }

    private static DisplayData copyOf(DisplayData d) {
        return new DisplayData(d);
    }

    private static Cell cell() {
        Cell cell = CellRouting.current();
        if (cell == null) {
            throw new IllegalStateException("display() needs a running cell");
        }
        return cell;
    }
}
