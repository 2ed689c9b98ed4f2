// expect: pass
// Style: processes started one by one and connected by our own pump threads (virtual threads, transferTo), as a course on pipes builds it by hand.
package exercises;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class Pipeline {
    private Pipeline() {
    }

    /** Copies src to dst until src ends or dst breaks; closing both tells each side the other is gone. */
    private static Thread pump(String name, InputStream src, OutputStream dst) {
        return Thread.ofVirtual().name(name).start(() -> {
            try (src; dst) {
                src.transferTo(dst);
            } catch (IOException e) {
                // broken pipe downstream (head exited) or killed: closing src lets upstream see SIGPIPE
            }
        });
    }

    public static String run(List<List<String>> commands, String input) throws IOException, InterruptedException {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("no commands");
        }
        for (List<String> command : commands) {
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command in " + commands);
            }
        }
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        List<Process> procs = new ArrayList<>();
        try {
            for (List<String> command : commands) {
                procs.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
        } catch (IOException e) {
            killAndWait(procs);
            throw e;
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        List<Thread> pumps = new ArrayList<>();
        pumps.add(pump("feed", new ByteArrayInputStream(in), procs.get(0).getOutputStream()));
        for (int i = 0; i + 1 < procs.size(); i++) {
            pumps.add(pump("pipe-" + i, procs.get(i).getInputStream(), procs.get(i + 1).getOutputStream()));
        }
        pumps.add(pump("drain", procs.get(procs.size() - 1).getInputStream(), result));
        int status;
        try {
            for (Process p : procs) {
                p.waitFor();
            }
            for (Thread t : pumps) {
                t.join();
            }
            status = procs.get(procs.size() - 1).exitValue();
        } catch (InterruptedException e) {
            killAndWait(procs);
            for (Thread t : pumps) {
                joinUninterruptibly(t);
            }
            Thread.interrupted(); // the InterruptedException we throw is the report of it
            throw e;
        }
        if (status != 0) {
            throw new IOException("'" + String.join(" ", commands.get(commands.size() - 1)) + "' failed with exit status " + status);
        }
        return result.toString(StandardCharsets.UTF_8);
    }

    private static void killAndWait(List<Process> procs) {
        boolean interrupted = Thread.interrupted();
        for (Process p : procs) {
            p.destroyForcibly();
        }
        for (Process p : procs) {
            while (true) {
                try {
                    p.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
