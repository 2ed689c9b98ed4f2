package racecourse.grader.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wraps the child's command so that it has no network but loopback and cannot see the reference
 * solutions nor the hidden tests' sources: {@code unshare -rnm} (a user, network and mount
 * namespace; needs no privilege where unprivileged user namespaces are allowed), loopback brought
 * up, and an empty tmpfs mounted over each hidden folder. Where unshare does not work the child
 * runs unwrapped and the grader says so once.
 */
public final class Sandbox {
    private static final String SCRIPT = "ip link set lo up || exit 91\n"
            + "IFS='\n'\n"
            + "for d in $RACECOURSE_HIDE; do mount -t tmpfs -o size=4k,mode=000 none \"$d\" || exit 92; done\n"
            + "unset RACECOURSE_HIDE\n"
            + "exec \"$@\"\n";

    private static volatile Boolean available;

    private Sandbox() {
    }

    /** Whether unshare works here (tried once, with a harmless command). */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder("unshare", "-rnm", "--", "sh", "-c", SCRIPT, "sh", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** {@code command} wrapped, hiding {@code hide} (folders that exist). */
    public static List<String> wrap(List<String> command, List<Path> hide, java.util.Map<String, String> env) {
        List<String> existing = hide.stream().filter(Files::isDirectory).map(Path::toString).toList();
        env.put("RACECOURSE_HIDE", String.join("\n", existing));
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-rnm", "--", "sh", "-c", SCRIPT, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }
}
