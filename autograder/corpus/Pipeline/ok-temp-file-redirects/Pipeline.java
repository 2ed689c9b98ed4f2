// expect: pass
// Style: no threads at all: input from a temp file, output to a temp file (ProcessBuilder redirects), OS pipes in between; nothing can fill up.
package exercises;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class Pipeline {
    private Pipeline() {
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
        Path inFile = Files.createTempFile("pipeline-in", ".txt");
        Path outFile = Files.createTempFile("pipeline-out", ".txt");
        try {
            Files.write(inFile, in);
            List<ProcessBuilder> builders = new ArrayList<>();
            for (List<String> command : commands) {
                builders.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
            }
            File stdin = inFile.toFile();
            File stdout = outFile.toFile();
            builders.get(0).redirectInput(stdin); // the first command reads the input, then sees EOF
            builders.get(builders.size() - 1).redirectOutput(stdout);
            List<Process> processes = ProcessBuilder.startPipeline(builders);
            try {
                for (Process p : processes) {
                    p.waitFor();
                }
            } catch (InterruptedException e) {
                for (Process p : processes) {
                    p.destroyForcibly();
                }
                boolean again = false;
                for (Process p : processes) {
                    while (true) {
                        try {
                            p.waitFor();
                            break;
                        } catch (InterruptedException ignored) {
                            again = true;
                        }
                    }
                }
                if (again) {
                    Thread.interrupted(); // reported by the exception we throw
                }
                throw e;
            }
            Process last = processes.get(processes.size() - 1);
            if (last.exitValue() != 0) {
                throw new IOException("command " + String.join(" ", commands.get(commands.size() - 1))
                        + " exited with status " + last.exitValue());
            }
            return Files.readString(outFile, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(inFile);
            Files.deleteIfExists(outFile);
        }
    }
}
