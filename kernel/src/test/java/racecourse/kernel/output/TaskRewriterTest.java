package racecourse.kernel.output;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racecourse.kernel.Cell;
import racecourse.kernel.CellAdapter;
import racecourse.kernel.threads.TrackedThreads;

import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cell code rewritten by TaskRewriter: every way it hands work to a virtual thread makes that thread the cell's. */
class TaskRewriterTest {
    @TempDir
    Path dir;

    private final Cell cell = new CellAdapter() {
    };

    @AfterEach
    void unbind() {
        CellRouting.unbind();
    }

    @Test
    void everyVirtualThreadStartIsTheCellsFromStartToEnd() throws Exception {
        Class<?> starts = compileRewriteLoad("Starts", """
                import java.util.List;
                import java.util.concurrent.*;
                public class Starts {
                    public static List<Object> start(CountDownLatch gate) throws Exception {
                        Runnable wait = () -> { try { gate.await(); } catch (InterruptedException e) { } };
                        Thread unstarted = Thread.ofVirtual().unstarted(wait);
                        unstarted.start();
                        ExecutorService each = Executors.newVirtualThreadPerTaskExecutor();
                        Future<?> submitted = each.submit(wait);
                        ThreadFactory factory = Thread.ofVirtual().factory();
                        Thread made = factory.newThread(wait);
                        made.start();
                        CompletableFuture<Void> stage = CompletableFuture.completedFuture(1).thenAcceptAsync(x -> wait.run(), each);
                        return List.of(Thread.ofVirtual().name("built").start(wait), Thread.startVirtualThread(wait),
                                unstarted, made, submitted, stage, each);
                    }
                }""");
        CountDownLatch gate = new CountDownLatch(1);
        CellRouting.bind(cell);
        @SuppressWarnings("unchecked")
        List<Object> started = (List<Object>) starts.getMethod("start", CountDownLatch.class).invoke(null, gate);
        // Threads started directly count at once; tasks of the executor and the stage once they run.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (TrackedThreads.of(cell).size() < 6) {
            assertTrue(System.nanoTime() < deadline, "tracked: " + TrackedThreads.of(cell));
            Thread.sleep(10);
        }
        List<Thread> tracked = TrackedThreads.of(cell);
        assertEquals(6, tracked.size(), tracked.toString());
        assertTrue(tracked.stream().allMatch(Thread::isVirtual));
        for (int i = 0; i < 4; i++) {
            assertTrue(tracked.contains((Thread) started.get(i)), started.get(i) + " is not the cell's");
        }
        gate.countDown();
        for (int i = 0; i < 4; i++) {
            ((Thread) started.get(i)).join(10_000);
        }
        ((java.util.concurrent.ExecutorService) started.get(6)).close();
        assertEquals(List.of(), TrackedThreads.of(cell), "threads kept after they ended");
    }

    private Class<?> compileRewriteLoad(String name, String source) throws Exception {
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()));
        racecourse.kernel.CellBytecode.rewriteFolder(dir);
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(name);
    }
}
