package racecourse.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import racecourse.kernel.jshell.JShellInterpreter;
import racecourse.kernel.output.CellRouting;
import racecourse.kernel.protocol.JupyterFrontEnd;
import racecourse.kernel.protocol.KernelConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts the kernel: {@code java racecourse.kernel.Main CONNECTION_FILE}. */
public final class Main {
    private static final long MAX_CONNECTION_FILE_BYTES = 64 << 10;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--train")) {
            java.io.PrintStream console = System.err; // cells' routing takes System.err over
            CellRouting.install();
            System.exit(racecourse.kernel.install.Training.run(console));
        }
        if (args.length != 1) {
            fail("usage: racecourse.kernel.Main CONNECTION_FILE (Jupyter passes it; see 'racecourse kernel install')");
        }
        KernelConnectionProperties props = readConnectionFile(Path.of(args[0]));
        // The kernel's log and the library's logger keep the real stderr before cells take System.err over.
        KernelLog.open(System.err, logFileBeside(Path.of(args[0])));
        org.slf4j.LoggerFactory.getLogger(Main.class);
        CellRouting.install();
        JShellInterpreter interpreter = new JShellInterpreter();
        KernelConnection connection;
        try {
            connection = new KernelConnection(props);
        } catch (java.security.GeneralSecurityException e) {
            fail("connection file " + args[0] + " has an unusable signature_scheme or key: " + e.getMessage());
            return;
        }
        try {
            new JupyterFrontEnd(interpreter, connection).serve();
        } catch (RuntimeException e) {
            fail("cannot open the kernel's ports from " + args[0] + ": " + e.getMessage());
        }
        connection.waitUntilClose();
        // Threads a student left running must not keep a shut-down kernel alive; a loop that
        // failed (not a shutdown request) exits non-zero, so Jupyter reports the kernel died.
        System.exit(connection.failed() ? 1 : 0);
    }

    /** {@code kernel-<id>.log} beside {@code kernel-<id>.json}: Jupyter's runtime folder, private to the user. */
    static Path logFileBeside(Path connectionFile) {
        Path absolute = connectionFile.toAbsolutePath();
        String name = absolute.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return absolute.resolveSibling(stem + ".log");
    }

    static KernelConnectionProperties readConnectionFile(Path file) {
        String json = null;
        try {
            if (!Files.isRegularFile(file)) {
                fail("connection file " + file + " does not exist (Jupyter writes it when it starts a kernel)");
            }
            if (Files.size(file) > MAX_CONNECTION_FILE_BYTES) {
                fail("connection file " + file + " is too large to be a Jupyter connection file");
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail("cannot read connection file " + file + ": " + e);
        }
        if (json.isBlank()) {
            fail("connection file " + file + " is empty");
        }
        KernelConnectionProperties props;
        try {
            props = KernelConnectionProperties.parse(json);
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            fail("connection file " + file + " is not valid JSON: " + why);
            return null;
        }
        if (props == null || props.getIp() == null || props.getTransport() == null || props.getKey() == null
                || props.getShellPort() <= 0 || props.getIopubPort() <= 0 || props.getControlPort() <= 0
                || props.getStdinPort() <= 0 || props.getHbPort() <= 0) {
            fail("connection file " + file + " lacks ip, transport, key or one of the five ports");
        }
        return props;
    }

    private static void fail(String message) {
        System.err.println("racecourse kernel: " + message);
        System.exit(2);
    }
}
