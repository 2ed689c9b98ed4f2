package racecourse.grader.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the kernel says about this JVM's sockets (Linux {@code /proc}): the servers under test run in
 * the test's own JVM, so a connection they accepted is one more socket here, and the address a port
 * listens on is in {@code /proc/self/net/tcp}.
 */
public final class Sockets {
    private Sockets() {
    }

    /** How many sockets this process has open (its file descriptors that are sockets). */
    public static int open() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException | UnsupportedOperationException e) {
                    return false;         // closed meanwhile
                }
            }).count();
        }
    }

    /** The local addresses (as /proc writes them, hex) that listen on TCP {@code port}, IPv4 and IPv6. */
    public static List<String> listening(int port) throws IOException {
        List<String> out = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.strip().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && local[1].equals(hexPort)) {   // 0A: LISTEN
                    out.add(local[0]);
                }
            }
        }
        return out;
    }

    /** Whether a /proc address is the loopback: 127.0.0.1, ::1 or ::ffff:127.0.0.1. */
    public static boolean isLoopback(String procAddress) {
        return procAddress.equals("0100007F") || procAddress.equals("00000000000000000000000001000000")
                || procAddress.equals("0000000000000000FFFF00000100007F");
    }
}
