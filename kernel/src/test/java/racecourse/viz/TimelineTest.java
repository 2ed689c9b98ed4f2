package racecourse.viz;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TimelineTest {
    static final int THREADS = 4;
    static final int ROUNDS = 200;

    @Test
    void spansOfThreadsStartedTogetherAreAttributedToTheirThreadAndDoNotOverlapWithinIt() throws Exception {
        Timeline t = new Timeline();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int id = i;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
                for (int k = 0; k < ROUNDS; k++) {
                    try (Timeline.Span s = t.span("work " + id)) {
                        spin(2_000);
                    }
                    t.record("rest " + id, () -> spin(1_000));
                }
                t.mark("done " + id);
            }, "worker-" + i);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }

        List<Timeline.Entry> spans = t.spans();
        assertEquals(THREADS * ROUNDS * 2, spans.size());
        Map<String, List<Timeline.Entry>> byThread = new HashMap<>();
        for (Timeline.Entry e : spans) {
            String id = e.thread().substring("worker-".length());
            assertTrue(e.label().endsWith(" " + id), e + " was recorded by another thread");
            assertTrue(e.startNanos() >= 0 && e.endNanos() >= e.startNanos(), e.toString());
            assertFalse(e.isMark());
            byThread.computeIfAbsent(e.thread(), k -> new ArrayList<>()).add(e);
        }
        assertEquals(THREADS, byThread.size());
        for (List<Timeline.Entry> mine : byThread.values()) {
            assertEquals(2 * ROUNDS, mine.size());
            for (int k = 1; k < mine.size(); k++) {
                Timeline.Entry a = mine.get(k - 1);
                Timeline.Entry b = mine.get(k);
                assertTrue(a.endNanos() <= b.startNanos(), "spans of one thread overlap: " + a + " / " + b);
                assertTrue(a.label().startsWith(k % 2 == 1 ? "work" : "rest"), "alternating labels");
            }
        }
        for (int k = 1; k < spans.size(); k++) {
            assertTrue(spans.get(k - 1).startNanos() <= spans.get(k).startNanos(), "sorted by start");
        }
        List<Timeline.Entry> marks = t.marks();
        assertEquals(THREADS, marks.size());
        for (Timeline.Entry m : marks) {
            assertTrue(m.isMark());
            assertEquals("done " + m.thread().substring("worker-".length()), m.label());
        }
        assertEquals("Timeline[4 threads, 1600 spans, 4 marks]", t.toString());

        JFreeChart chart = t.chart("Four workers");
        assertTrue(chart.getSubtitle(1) instanceof org.jfree.chart.title.TextTitle sub
                && sub.getText().startsWith("4 threads, 1,600 spans, 4 marks"), "subtitle counts");
        BufferedImage image = Png.render(chart);
        assertTrue(Png.pixels(image, Charts.color(0)) > 100, "the first label's bars are drawn in its colour");
    }

    @Test
    void snapshotsWhileThreadsRecordSeeOnlyCompleteSpans() throws Exception {
        Timeline t = new Timeline();
        CountDownLatch go = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int k = 0; k < 50_000; k++) {
                try (var s = t.span(k % 2 == 0 ? "a" : "b")) {
                    spin(10);
                }
            }
        }, "writer");
        writer.start();
        go.countDown();
        int last = 0;
        while (writer.isAlive()) {
            List<Timeline.Entry> snap = t.spans();
            assertTrue(snap.size() >= last, "a snapshot never loses spans");
            for (Timeline.Entry e : snap) {
                assertTrue(e.label() != null && e.endNanos() >= e.startNanos(), "complete entry: " + e);
            }
            last = snap.size();
        }
        writer.join();
        assertEquals(50_000, t.spans().size());
    }

    @Test
    void virtualThreadsGetOneRowEachAndTheChartCapsRows() throws Exception {
        Timeline t = new Timeline();
        CountDownLatch go = new CountDownLatch(1);
        try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 120; i++) {
                ex.submit(() -> {
                    go.await();
                    t.record("task", () -> spin(1_000));
                    return null;
                });
            }
            go.countDown();
        }
        List<Timeline.Entry> spans = t.spans();
        assertEquals(120, spans.size());
        assertEquals(120, spans.stream().map(Timeline.Entry::threadId).distinct().count());
        assertTrue(spans.get(0).thread().startsWith("virtual #"), spans.get(0).thread());
        JFreeChart chart = t.chart("Virtual threads");
        String sub = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText();
        assertTrue(sub.contains("120 threads") && sub.contains("showing the first 40 threads"), sub);
        assertEquals(40, ((org.jfree.chart.axis.SymbolAxis) chart.getXYPlot().getDomainAxis()).getSymbols().length);
        Png.render(chart);
    }

    @Test
    void aHundredThousandSpansRenderQuickly() throws Exception {
        Timeline t = new Timeline();
        for (int k = 0; k < 100_000; k++) {
            try (var s = t.span(k % 3 == 0 ? "lock" : "work")) {
                spin(5);
            }
        }
        long start = System.nanoTime();
        Png.render(t.chart("100k spans"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3_000, "100k spans rendered in " + ms + " ms");
    }

    @Test
    void anEmptyTimelineStillDraws() throws Exception {
        JFreeChart chart = new Timeline().chart("Nothing yet");
        assertTrue(((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText().contains("nothing recorded"));
        Png.render(chart);
    }

    @Test
    void aSpanIsClosedByItsOwnThreadOnce() throws Exception {
        Timeline t = new Timeline();
        Timeline.Span s = t.span("x");
        s.close();
        s.close();
        assertEquals(1, t.spans().size());
        Timeline.Span open = t.span("y");
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                open.close();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        other.start();
        other.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertEquals(1, t.spans().size());
        assertEquals(42, t.compute("answer", () -> 42));
        assertEquals(2, t.spans().size());
    }

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void everyLegendItemHasTheColourItsSeriesIsDrawnIn() throws Exception {
        Timeline t = new Timeline();
        t.record("read", () -> spin(200_000));
        t.mark("lock");
        t.record("write", () -> spin(200_000));
        t.mark("unlock");
        t.record("read", () -> spin(200_000));
        JFreeChart chart = t.chart("Legend colours");
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        java.util.Map<String, java.awt.Paint> drawn = new java.util.HashMap<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            for (int i = 0; i < plot.getDataset(d).getSeriesCount(); i++) {
                drawn.put(String.valueOf(plot.getDataset(d).getSeriesKey(i)), plot.getRenderer(d).getSeriesPaint(i));
            }
        }
        assertEquals(4, drawn.size(), drawn.toString());
        org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
        for (int k = 0; k < items.getItemCount(); k++) {
            org.jfree.chart.LegendItem item = items.get(k);
            assertEquals(drawn.get(item.getLabel()), item.getFillPaint(), "legend item " + item.getLabel());
        }
        Png.render(chart);
    }
}
