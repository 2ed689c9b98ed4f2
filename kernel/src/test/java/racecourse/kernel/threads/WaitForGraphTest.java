package racecourse.kernel.threads;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitForGraphTest {
    static final String LOCK_A = "java.util.concurrent.locks.ReentrantLock$NonfairSync@5e2de80c";
    static final String LOCK_B = "java.util.concurrent.locks.ReentrantLock$NonfairSync@1d44bcfa";

    static ThreadSnapshot waiting(String name, String waitsFor, String owner) {
        return new ThreadSnapshot(name, 1, Thread.State.WAITING, false, new StackTraceElement[0], waitsFor, owner, List.of());
    }

    @Test
    void longNamesStayInsideThePicture() {
        // Four nodes: the locks sit at the left and right of the circle, where long names stuck out.
        BufferedImage image = WaitForGraph.draw(List.of(
                waiting("philosopher-with-a-rather-long-name-0", LOCK_A, "philosopher-with-a-rather-long-name-1"),
                waiting("philosopher-with-a-rather-long-name-1", LOCK_B, "philosopher-with-a-rather-long-name-0")));
        for (int y = 40; y < image.getHeight(); y++) {
            for (int x : new int[]{0, 1, 2, image.getWidth() - 3, image.getWidth() - 2, image.getWidth() - 1}) {
                assertEquals(0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "painted at the edge, x=" + x + " y=" + y);
            }
        }
    }

    @Test
    void aLongLockNameKeepsWhatTellsTwoLocksApart() {
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        String a = WaitForGraph.fit(LOCK_A, fm, 140);
        String b = WaitForGraph.fit(LOCK_B, fm, 140);
        assertTrue(fm.stringWidth(a) <= 140, a);
        assertTrue(a.endsWith("@5e2de80c") && b.endsWith("@1d44bcfa"), a + " / " + b);
        assertTrue(!a.contains("java.util"), a);
        assertEquals("ReentrantLock$NonfairSync@5e2de80c", WaitForGraph.fit(LOCK_A, fm, 400));
        assertEquals("worker-1", WaitForGraph.fit("worker-1", fm, 400));
    }
}
