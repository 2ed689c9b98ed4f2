package racecourse.grader.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fallback sandbox, where bubblewrap is missing or does not work: {@code unshare -rnm} (a user,
 * network and mount namespace; needs no privilege where unprivileged user namespaces are allowed)
 * and, inside it, before the child starts:
 * <ul>
 *   <li>loopback is brought up, and it is the only interface there is (no route anywhere else);</li>
 *   <li>an empty tmpfs is mounted over each hidden folder (the reference solutions, the hidden tests'
 *       sources, the corpus);</li>
 *   <li>every file system is remounted read-only except {@code /proc}, {@code /dev/pts} and the paths
 *       the child must write (its throwaway working directory and its result file, each bind-mounted
 *       onto itself first);</li>
 *   <li>all capabilities are dropped ({@code setpriv}), so the child cannot undo any of that
 *       (unmount the covers, remount read-write).</li>
 * </ul>
 * Weaker than {@link Bubblewrap}: the child sees the rest of the host's files (read-only) and its
 * processes, whose command lines name the grader's folders.
 */
final class Unshare {
    private static final String SCRIPT = "ip link set lo up || exit 91\n"
            + "IFS='\n'\n"
            + "for d in $RACECOURSE_HIDE; do mount -t tmpfs -o size=4k,mode=000 none \"$d\" || exit 92; done\n"
            + "for w in $RACECOURSE_WRITABLE; do mount --bind \"$w\" \"$w\" || exit 93; done\n"
            + "while IFS=' ' read -r dev m fs opts rest; do\n"
            + "  m=$(printf '%b' \"$m\")\n"
            + "  case \"$m\" in /proc|/proc/*|/dev/pts|/dev/pts/*) continue;; esac\n"
            + "  case \"$IFS$RACECOURSE_WRITABLE$IFS\" in *\"$IFS$m$IFS\"*) continue;; esac\n"
            + "  case \"$opts\" in rw*) ;; *) continue;; esac\n"
            + "  mount -o remount,bind,ro \"$m\" 2>/dev/null || mount -o remount,bind,ro,nosuid,nodev \"$m\" 2>/dev/null"
            + " || mount -o remount,bind,ro,nosuid,nodev,noexec \"$m\" || exit 94\n"
            + "done < /proc/self/mounts\n"
            + "unset RACECOURSE_HIDE RACECOURSE_WRITABLE\n"
            + "exec setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- \"$@\"\n";

    private Unshare() {
    }

    /**
     * {@code command} wrapped, hiding {@code hide} (folders that exist) and leaving only {@code writable}
     * (existing files or folders) writable.
     */
    static List<String> wrap(List<String> command, List<Path> hide, List<Path> writable, Map<String, String> env) {
        List<String> existing = hide.stream().filter(Files::isDirectory).map(Path::toString).toList();
        env.put("RACECOURSE_HIDE", String.join("\n", existing));
        env.put("RACECOURSE_WRITABLE", String.join("\n", writable.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-rnm", "--", "sh", "-c", SCRIPT, "sh"));
        wrapped.addAll(command);
        return wrapped;
    }
}
