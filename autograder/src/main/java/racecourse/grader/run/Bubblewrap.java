package racecourse.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The child's command inside bubblewrap ({@code bwrap}): new user, PID, network, mount, IPC, UTS and
 * cgroup namespaces, all capabilities dropped, no further user namespaces, killed with its parent, in a
 * session of its own. Its file system is an allowlist on an empty read-only root: {@code /usr} and
 * the top-level folders or links into it ({@code /bin}, {@code /lib}, ...), a few files of
 * {@code /etc} (users, name lookup, time zone, the dynamic linker's cache, alternatives), a new
 * {@code /proc} (of its own PID namespace: only its own processes) and {@code /dev}, everything the
 * java command names ({@link ChildFiles}: the JDK, the class path, agent jars, AOT caches, ...) plus
 * {@code readable}, all read-only; {@code writable} (its throwaway working directory and its result
 * file) read-write. Nothing else of the host is there: no {@code /home}, {@code /root}, {@code /tmp},
 * {@code /work}, no other student's folder, no output folder, no repository beyond the class path.
 * The environment is cut to the locale and time zone; {@code HOME} and {@code TMPDIR} are the
 * working directory. Only loopback exists (bwrap brings it up).
 */
final class Bubblewrap {
    /** Mounted read-only whole: the system's programs and libraries (Pipeline runs cat, sh, ... from them). */
    private static final List<Path> SYSTEM = List.of(Path.of("/usr"));
    /** Top-level folders that are links into /usr on a merged-/usr system, folders otherwise. */
    private static final List<Path> TOP = Stream.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32").map(Path::of).toList();
    /** What of /etc the JDK and the programs a submission starts read. */
    private static final List<Path> ETC = Stream.of("passwd", "group", "nsswitch.conf", "hosts", "host.conf", "gai.conf",
            "localtime", "timezone", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives")
            .map(f -> Path.of("/etc", f)).toList();
    /** Environment variables the child keeps; everything else of the grader's environment is dropped. */
    private static final Set<String> KEPT_ENV = Set.of("LANG", "LC_ALL", "LC_CTYPE", "TZ");
    private static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    private Bubblewrap() {
    }

    static List<String> wrap(List<String> command, List<Path> readable, List<Path> writable, List<Path> hide, Path cwd,
                             Map<String, String> env, boolean disableUserns) {
        List<String> b = new ArrayList<>(List.of("bwrap", "--unshare-all", "--unshare-user"));
        if (disableUserns) {
            b.add("--disable-userns");
        }
        b.addAll(List.of("--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        List<Path> bound = new ArrayList<>();
        for (Path p : SYSTEM) {
            b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            bound.add(p);
        }
        for (Path p : TOP) {
            if (Files.isSymbolicLink(p)) {
                link(b, p);
            } else if (Files.isDirectory(p)) {
                b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
                bound.add(p);
            }
        }
        for (Path p : ETC) {
            if (Files.isSymbolicLink(p)) {
                link(b, p);
            } else if (Files.exists(p)) {
                b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        b.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        List<Path> reads = new ArrayList<>(ChildFiles.of(command));
        readable.forEach(p -> reads.add(p.toAbsolutePath().normalize()));
        reads.sort(Comparator.comparingInt(Path::getNameCount));
        for (Path p : reads) {
            if (bound.stream().noneMatch(p::startsWith) && Files.exists(p)) {
                b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
                bound.add(p);
            }
        }
        for (Path w : writable) {
            Path p = w.toAbsolutePath().normalize();
            b.addAll(List.of("--bind", p.toString(), p.toString()));
            bound.add(p);
        }
        // A hidden folder inside an allowed one (not the case in a normal layout) is covered by an empty read-only one.
        List<String> covered = new ArrayList<>();
        for (Path h : hide) {
            Path p = h.toAbsolutePath().normalize();
            if (Files.isDirectory(p) && bound.stream().anyMatch(p::startsWith)) {
                b.addAll(List.of("--tmpfs", p.toString()));
                covered.add(p.toString());
            }
        }
        covered.forEach(c -> b.addAll(List.of("--remount-ro", c)));
        b.addAll(List.of("--remount-ro", "/dev", "--remount-ro", "/", "--chdir", cwd.toAbsolutePath().normalize().toString(), "--"));
        b.addAll(command);
        env.keySet().retainAll(KEPT_ENV);
        env.put("PATH", PATH);
        env.put("HOME", cwd.toString());
        env.put("TMPDIR", cwd.toString());
        return b;
    }

    private static void link(List<String> b, Path p) {
        try {
            b.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), p.toString()));
        } catch (IOException e) {
            // unreadable link: left out
        }
    }
}
