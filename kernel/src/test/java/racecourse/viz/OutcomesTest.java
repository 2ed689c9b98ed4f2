package racecourse.viz;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomesTest {
    @Test
    void tableListsOutcomesMostFrequentFirst() {
        Outcomes o = new Outcomes();
        o.add("387112");
        for (int i = 0; i < 37; i++) {
            o.add("400000");
        }
        o.add("391004").add("391004");
        assertEquals("400000: 37 runs\n391004: 2 runs\n387112: 1 run", o.toString());
        assertEquals(List.of("400000", "391004", "387112"), List.copyOf(o.counts().keySet()));
        assertEquals(40, o.total());
        assertEquals(3, o.distinct());
        assertEquals(2, o.count("391004"));
        assertEquals(0, o.count("never"));
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearanceAndOddOutcomesStayOnOneLine() {
        Outcomes o = new Outcomes().add("b").add("a\nx\n").add("");
        assertEquals("b: 1 run\na ⏎ x: 1 run\n(empty): 1 run", o.toString());
        assertEquals("(no runs)", new Outcomes().toString());
    }

    @Test
    void addsFromManyThreadsAreAllCounted() throws Exception {
        Outcomes o = new Outcomes();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    o.add(i % 2 == 0 ? "even" : "odd");
                }
            });
            ts[t].start();
        }
        go.countDown();
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(20_000, o.count("even"));
        assertEquals(40_000, o.total());
        Outcomes merged = new Outcomes().add("odd").addAll(o);
        assertEquals(20_001, merged.count("odd"));
    }

    @Test
    void chartDelegatesToChartsOutcomes() throws Exception {
        Outcomes o = new Outcomes().add("400000", 37).add("387112");
        Png.render(o.chart("Lost updates"));
        Png.render(o.chart("Lost updates", Set.of("400000")));
        // Outcomes that print alike stay two bars.
        Outcomes alike = new Outcomes().add("5").add("5\n");
        assertEquals(2, alike.chart("Alike").getCategoryPlot().getDataset().getColumnCount());
    }
}
