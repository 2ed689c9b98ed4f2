package racecourse.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sandbox the child JVMs run in, chosen once per grader process by trying each with a harmless
 * command: {@link Bubblewrap} (an allowlisted file system, its own PID namespace) where {@code bwrap}
 * works; else the weaker {@link Unshare} (the host's file system read-only with a few folders covered,
 * the host's processes visible); else none. Both shut off the network beyond loopback and drop every
 * capability. The grading carries a warning unless bubblewrap was used.
 * {@code RACECOURSE_SANDBOX} in the grader's environment: {@code off} runs children without a
 * sandbox, {@code unshare} skips bubblewrap (both to test the fallbacks), {@code auto} (or unset) chooses.
 */
public final class Sandbox {
    /** {@code off}, {@code unshare} or {@code auto}: which sandboxes the grader may use. */
    public static final String SWITCH = "RACECOURSE_SANDBOX";

    /** The sandbox a child runs in. */
    public enum Kind {
        BWRAP("bwrap"), UNSHARE("unshare"), NONE("none");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static volatile Kind kind;
    private static volatile boolean disableUserns;

    private Sandbox() {
    }

    /** The sandbox to use here (tried once, with a harmless command). */
    public static Kind kind() {
        Kind k = kind;
        if (k == null) {
            synchronized (Sandbox.class) {
                k = kind;
                if (k == null) {
                    k = choose(System.getenv(SWITCH));
                    kind = k;
                }
            }
        }
        return k;
    }

    private static Kind choose(String setting) {
        String s = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "off":
                return Kind.NONE;
            case "unshare":
                return works(Kind.UNSHARE) ? Kind.UNSHARE : Kind.NONE;
            case "auto":
                disableUserns = bwrapAtLeast(0, 8);
                return works(Kind.BWRAP) ? Kind.BWRAP : works(Kind.UNSHARE) ? Kind.UNSHARE : Kind.NONE;
            default:
                throw new IllegalArgumentException(SWITCH + " must be off, unshare or auto, not '" + setting + "'");
        }
    }

    /**
     * {@code command} (a {@code java} command: the files it names are readable) wrapped in {@code kind}:
     * {@code readable} also read-only, {@code writable} (existing files or folders, {@code cwd} among
     * them) read-write, {@code hide} (folders) unreadable. {@code env}, the child's environment, is
     * adjusted to match.
     */
    public static List<String> wrap(Kind kind, List<String> command, List<Path> readable, List<Path> writable,
                                    List<Path> hide, Path cwd, Map<String, String> env) {
        return switch (kind) {
            case BWRAP -> Bubblewrap.wrap(command, readable, writable, hide, cwd, env, disableUserns);
            case UNSHARE -> Unshare.wrap(command, hide, writable, env);
            case NONE -> command;
        };
    }

    /** Whether {@code kind} runs {@code java -version} (bubblewrap: the JDK is in its allowlist) or {@code true}. */
    private static boolean works(Kind kind) {
        try {
            Path dir = Files.createTempDirectory("racecourse-sandbox-probe-");
            try {
                List<String> command = kind == Kind.BWRAP ? List.of(ChildRunner.java(), "-XX:-UsePerfData", "-version") : List.of("true");
                ProcessBuilder pb = new ProcessBuilder().directory(dir.toFile());
                pb.command(wrap(kind, command, List.of(), List.of(dir), List.of(), dir, pb.environment()));
                Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether {@code bwrap --version} says at least {@code major.minor} ({@code --disable-userns} came in 0.8). */
    private static boolean bwrapAtLeast(int major, int minor) {
        try {
            Process p = new ProcessBuilder("bwrap", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(out);
            if (!m.find()) {
                return false;
            }
            int ma = Integer.parseInt(m.group(1));
            int mi = Integer.parseInt(m.group(2));
            return ma > major || ma == major && mi >= minor;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
