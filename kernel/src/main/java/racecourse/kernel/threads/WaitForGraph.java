package racecourse.kernel.threads;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wait-for graph of a deadlock as a picture: threads (rounded, blue) and locks (square,
 * orange) around a circle, an arrow "waits for" from a thread to a lock and "held by" from a lock
 * to its owner. The cycle reads clockwise.
 */
public final class WaitForGraph {
    private static final int SIZE = 520;
    /** The widest a node's box may be, and the white kept around the picture's edges. */
    static final int MAX_BOX = 240;
    static final int MARGIN = 6;
    private static final Color THREAD = new Color(0x2b6cb0);
    private static final Color LOCK = new Color(0xc05621);

    private WaitForGraph() {
    }

    public static BufferedImage draw(List<ThreadSnapshot> cycle) {
        List<String> nodes = new ArrayList<>();
        Map<String, String> edges = new LinkedHashMap<>(); // from -> to
        Map<String, ThreadSnapshot> byName = new LinkedHashMap<>();
        for (ThreadSnapshot s : cycle) {
            byName.put(s.name(), s);
        }
        // Follow the cycle so that nodes alternate thread, lock, thread, ...
        ThreadSnapshot at = cycle.isEmpty() ? null : cycle.get(0);
        while (at != null && !nodes.contains("T:" + at.name())) {
            String t = "T:" + at.name();
            nodes.add(t);
            if (at.waitsFor() == null) {
                break;
            }
            String l = "L:" + at.waitsFor();
            nodes.add(l);
            edges.put(t, l);
            ThreadSnapshot owner = at.lockOwner() == null ? null : byName.get(at.lockOwner());
            if (owner != null) {
                edges.put(l, "T:" + owner.name());
            }
            at = owner;
        }

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Wait-for graph: a cycle means a deadlock", 16, 26);

        int n = Math.max(1, nodes.size());
        double cx = SIZE / 2.0;
        double cy = SIZE / 2.0 + 14;
        double r = SIZE * 0.32;
        Map<String, double[]> pos = new LinkedHashMap<>();
        for (int k = 0; k < nodes.size(); k++) {
            double a = -Math.PI / 2 + 2 * Math.PI * k / n;
            pos.put(nodes.get(k), new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)});
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (Map.Entry<String, String> e : edges.entrySet()) {
            double[] a = pos.get(e.getKey());
            double[] b = pos.get(e.getValue());
            if (a != null && b != null) {
                arrow(g, a, b, e.getKey().startsWith("T:") ? "waits for" : "held by");
            }
        }
        for (String node : nodes) {
            box(g, pos.get(node), node.substring(2), node.startsWith("T:"));
        }
        g.dispose();
        return image;
    }

    private static void box(Graphics2D g, double[] p, String label, boolean thread) {
        FontMetrics fm = g.getFontMetrics();
        String shown = fit(label, fm, MAX_BOX - 20);
        int w = fm.stringWidth(shown) + 20;
        int h = 30;
        // Nodes at the left and right of the circle would stick out of the picture: keep every
        // box inside it, its name whole where it fits.
        int x = (int) Math.max(MARGIN, Math.min(SIZE - MARGIN - w, p[0] - w / 2.0));
        int y = (int) (p[1] - h / 2.0);
        g.setColor(thread ? THREAD : LOCK);
        if (thread) {
            g.fillRoundRect(x, y, w, h, h, h);
        } else {
            g.fillRect(x, y, w, h);
        }
        g.setColor(Color.WHITE);
        g.drawString(shown, x + 10, y + h / 2 + fm.getAscent() / 2 - 2);
    }

    /**
     * A node's name in at most {@code width} pixels: a lock's class without its package
     * ({@code ReentrantLock$NonfairSync@1b2c3d}), then, if still too long, the middle elided, so the
     * end that tells two locks apart (the identity hash) stays.
     */
    static String fit(String label, FontMetrics fm, int width) {
        String shown = label.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
        if (fm.stringWidth(shown) <= width) {
            return shown;
        }
        int at = shown.lastIndexOf('@');
        int keepEnd = at > 0 ? shown.length() - at : Math.min(10, shown.length() / 2);
        String end = shown.substring(shown.length() - keepEnd);
        String start = shown.substring(0, shown.length() - keepEnd);
        while (!start.isEmpty() && fm.stringWidth(start + "\u2026" + end) > width) {
            start = start.substring(0, start.length() - 1);
        }
        while (fm.stringWidth(start + "\u2026" + end) > width && end.length() > 1) {
            end = end.substring(1);
        }
        return start + "\u2026" + end;
    }

    private static void arrow(Graphics2D g, double[] a, double[] b, String label) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double sx = a[0] + ux * 30;
        double sy = a[1] + uy * 22;
        double ex = b[0] - ux * 30;
        double ey = b[1] - uy * 22;
        g.setColor(new Color(0x4a5568));
        g.setStroke(new BasicStroke(2.2f));
        g.draw(new Line2D.Double(sx, sy, ex, ey));
        Path2D head = new Path2D.Double();
        head.moveTo(0, 0);
        head.lineTo(-12, -6);
        head.lineTo(-12, 6);
        head.closePath();
        AffineTransform t = new AffineTransform();
        t.translate(ex, ey);
        t.rotate(Math.atan2(dy, dx));
        g.fill(t.createTransformedShape(head));
        g.setColor(Color.DARK_GRAY);
        g.drawString(label, (float) ((sx + ex) / 2 + 6), (float) ((sy + ey) / 2 - 6));
    }
}
