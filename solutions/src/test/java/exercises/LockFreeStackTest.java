package exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockFreeStackTest {
    @Test
    void lastInFirstOutAndNullWhenEmpty() {
        LockFreeStack<String> s = new LockFreeStack<>();
        assertTrue(s.isEmpty());
        assertNull(s.pop());
        s.push("a");
        s.push("b");
        assertFalse(s.isEmpty());
        assertEquals("b", s.pop());
        assertEquals("a", s.pop());
        assertNull(s.pop());
        assertTrue(s.isEmpty());
        assertThrows(NullPointerException.class, () -> s.push(null));
        assertTrue(s.isEmpty());
    }

    @Test
    void everyItemPoppedOnceUnderContention() throws Exception {
        LockFreeStack<Integer> s = new LockFreeStack<>();
        int threads = 8;
        int each = 50_000;
        List<Integer> popped = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    s.push(first + i);
                    mine.add(s.pop());      // never null: this thread's push came first
                }
                popped.addAll(mine);
            }));
        }
        go.countDown();
        for (Thread t : ts) {
            Waits.awaitEnd(t);
        }
        assertTrue(s.isEmpty());
        List<Integer> sorted = new ArrayList<>(popped);
        Collections.sort(sorted);
        assertEquals(threads * each, sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(i, sorted.get(i));
        }
    }
}
