package racecourse.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import racecourse.kernel.Folders;
import racecourse.kernel.Version;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Jupyter kernelspec {@code racecourse}: a kernel.json and a private copy of the kernel's jars.
 *
 * <p>The jars are copied rather than referenced so that {@code mvn clean} or a rebuild in the
 * repository never breaks a running JupyterLab; {@code make lab} reinstalls on every start.
 */
public final class KernelSpecInstaller {
    public static final String NAME = "racecourse";
    public static final String DISPLAY_NAME = "Java (Racecourse)";
    public static final String MAIN_CLASS = "racecourse.kernel.Main";
    static final String AOT_CACHE = "racecourse.aot";
    static final String CDS_ARCHIVE = "racecourse.jsa";

    private final Path javaHome;
    private final List<Path> jars;
    /** The feature version of the JDK the kernel runs on: the one this installer runs on. */
    private final int javaFeature = Runtime.version().feature();

    /**
     * @param javaHome the JDK 21+ the kernel will run on (written as an absolute path)
     * @param jars     the kernel's class path
     */
    public KernelSpecInstaller(Path javaHome, List<Path> jars) {
        this.javaHome = javaHome.toAbsolutePath().normalize();
        this.jars = List.copyOf(jars);
    }

    /** Installs into {@code kernelsDir/racecourse} and returns that folder. */
    public Path install(Path kernelsDir) throws IOException {
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java launcher at " + java);
        }
        Path spec = kernelsDir.toAbsolutePath().normalize().resolve(NAME);
        Path lib = spec.resolve("lib");
        Folders.deleteTree(lib);
        Files.createDirectories(lib);
        for (Path jar : jars) {
            Files.copy(jar, lib.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(spec.resolve(AOT_CACHE));
        Files.deleteIfExists(spec.resolve(CDS_ARCHIVE));
        Path tmp = spec.resolve("kernel.json.tmp");
        Files.writeString(tmp, kernelJson(java, lib, spec));
        Files.move(tmp, spec.resolve("kernel.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return spec;
    }

    String kernelJson(Path java, Path lib, Path spec) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(startupCache(spec, false));
        argv.addAll(jvmOptions(lib));
        argv.add(MAIN_CLASS);
        argv.add("{connection_file}");
        return specJson(argv);
    }

    /**
     * Runs a few cells once in a JVM that writes the startup cache, so that even the first kernel a
     * student starts has javac and JShell loaded, linked and profiled ahead of time (the first cell
     * then waits a fraction of what it would). Optional: without it the kernel still works, and on
     * JDK 21-24 it makes its class-data archive itself on its first clean exit.
     */
    /** Trains the startup cache; empty when it was written, else why not (for one warning line). */
    public java.util.Optional<String> train(Path spec) {
        Path lib = spec.resolve("lib");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.addAll(startupCache(spec, true));
        cmd.addAll(jvmOptions(lib));
        cmd.add(MAIN_CLASS);
        cmd.add("--train");
        try {
            Path log = Files.createTempFile("racecourse-training", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return java.util.Optional.of("the training run took over 120 s");
                }
                String said = lastLine(log);
                if (p.exitValue() != 0) {
                    return java.util.Optional.of("the training run failed (exit " + p.exitValue() + ")"
                            + (said.isEmpty() ? "" : ": " + said));
                }
                if (!Files.exists(spec.resolve(AOT_CACHE)) && !Files.exists(spec.resolve(CDS_ARCHIVE))) {
                    return java.util.Optional.of("the JVM wrote no cache" + (said.isEmpty() ? "" : ": " + said));
                }
                return java.util.Optional.empty();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return java.util.Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines;
        try (var in = Files.newBufferedReader(log, java.nio.charset.StandardCharsets.UTF_8)) {
            lines = in.lines().filter(l -> !l.isBlank()).toList();
        } catch (java.io.UncheckedIOException e) {
            return "";
        }
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }

    /**
     * JDK 25 has the ahead-of-time cache (JEP 483/514/515: classes loaded, linked and profiled in a
     * training run); JDK 21-24 have the dynamic class-data archive. A missing or stale cache only
     * costs speed: the JVM checks it and starts without it.
     */
    private List<String> startupCache(Path spec, boolean training) {
        if (javaFeature >= 25) {
            Path aot = spec.resolve(AOT_CACHE);
            return training ? List.of("-XX:AOTCacheOutput=" + aot, "-Xlog:aot*=off", "-Xlog:cds*=off")
                    : List.of("-XX:AOTCache=" + aot, "-Xlog:aot*=off", "-Xlog:cds*=off");
        }
        return List.of("-XX:SharedArchiveFile=" + spec.resolve(CDS_ARCHIVE), "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds*=off");
    }

    private static List<String> jvmOptions(Path lib) {
        List<String> argv = new ArrayList<>();
        argv.add("-Djava.awt.headless=true");
        argv.add("-Dstdout.encoding=UTF-8");
        argv.add("-Dstderr.encoding=UTF-8");
        argv.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        // Lets the kernel map stack frames of threads a cell started to cell lines (SnippetFrames).
        argv.add("--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED");
        // Lets the watchdog ask a java.util.concurrent lock for its owner, which ThreadMXBean does
        // not report for virtual threads (LockOwners).
        argv.add("--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
        argv.add("-Dorg.slf4j.simpleLogger.cacheOutputStream=true");
        argv.add("-cp");
        argv.add(lib + File.separator + "*");
        return argv;
    }

    private String specJson(List<String> argv) {
        JsonObject spec = new JsonObject();
        JsonArray argvJson = new JsonArray();
        argv.forEach(argvJson::add);
        spec.add("argv", argvJson);
        spec.addProperty("display_name", DISPLAY_NAME);
        spec.addProperty("language", "java");
        // "message", not "signal": the JVM's default answer to SIGINT is to exit and it has no
        // supported hook to change that, while an interrupt_request on the control channel reaches
        // a thread of ours that never runs user code.
        spec.addProperty("interrupt_mode", "message");
        JsonObject ours = new JsonObject();
        ours.addProperty("java_home", javaHome.toString());
        ours.addProperty("version", Version.current());
        JsonObject metadata = new JsonObject();
        metadata.add("racecourse", ours);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }
}
