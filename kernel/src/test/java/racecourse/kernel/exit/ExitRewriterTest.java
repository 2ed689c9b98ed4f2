package racecourse.kernel.exit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExitRewriterTest {
    @TempDir
    Path dir;

    private Class<?> compileRewriteLoad(String source) throws Exception {
        Path src = dir.resolve("Quit.java");
        Files.writeString(src, source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()));
        racecourse.kernel.CellBytecode.rewriteFolder(dir);
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("Quit");
    }

    @Test
    void everyWayToEndTheJvmBecomesAnError() throws Exception {
        Class<?> quit = compileRewriteLoad("""
                public class Quit {
                    public static void exit() { System.exit(3); }
                    public static void runtimeExit() { Runtime.getRuntime().exit(4); }
                    public static void halt() { Runtime.getRuntime().halt(5); }
                    public static int fine() { return 42; }
                }""");
        assertCalled(quit, "exit", "System.exit", 3);
        assertCalled(quit, "runtimeExit", "Runtime.exit", 4);
        assertCalled(quit, "halt", "Runtime.halt", 5);
        assertEquals(42, quit.getMethod("fine").invoke(null));
    }

    private static void assertCalled(Class<?> c, String method, String call, int status) {
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> c.getMethod(method).invoke(null));
        ExitCalled exit = assertInstanceOf(ExitCalled.class, e.getCause());
        assertEquals(call, exit.call());
        assertEquals(status, exit.status());
    }

    @Test
    void classesWithoutExitCallsAreLeftByteForByte() throws Exception {
        Path src = dir.resolve("Plain.java");
        Files.writeString(src, "public class Plain { int f() { return Math.max(1, 2); } }");
        ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString());
        byte[] before = Files.readAllBytes(dir.resolve("Plain.class"));
        assertArrayEquals(before, ExitRewriter.rewrite(before));
    }
}
