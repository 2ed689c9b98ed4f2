package racecourse.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;
import racecourse.kernel.KernelLog;

/**
 * A shell or control channel that waits for requests in a blocking poll.
 *
 * <p>Works around jjava-jupyter 1.0-a6, whose {@code ShellChannel} polls without waiting and then
 * sleeps 50 ms between polls: every request waits up to 50 ms before it is even read, which alone
 * puts a trivial cell at ~77 ms. Here the poll itself waits, so a request is read the moment it
 * arrives, and the loop still notices a shutdown within {@link #POLL_MS}.
 *
 * <p>A request whose handler fails still gets a reply (status error, see {@link FailedRequest}),
 * so the front end never stays busy; the failure, like a message dropped for a bad signature, goes
 * to the {@link KernelLog}, never into a cell. A loop that ends for any reason but a shutdown
 * request counts as a failure ({@link #failed()}), and the kernel then exits non-zero.
 */
final class BlockingShellChannel extends ShellChannel {
    private static final long POLL_MS = 100;

    private final String name;
    private final JupyterConnection connection;
    private final ZMQ.Context context;
    private final int port;
    private volatile boolean running;
    private volatile boolean failed;
    private Thread loop;

    BlockingShellChannel(String name, ZMQ.Context context, HMACGenerator hmac, JupyterConnection connection,
                         boolean control, KernelConnectionProperties props) {
        super(context, hmac, control, connection, 0);
        this.name = name;
        this.context = context;
        this.connection = connection;
        this.port = control ? props.getControlPort() : props.getShellPort();
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        bind(formatAddress(props.getTransport(), props.getIp(), port));
        running = true;
        loop = new Thread(this::serve, name);
        loop.setDaemon(true);
        loop.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serve() {
        ZMQ.Poller poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MS) <= 0 || !poller.pollin(0)) {
                    continue;
                }
                Message<?> message;
                try {
                    message = readMessage();
                } catch (RuntimeException badMessage) {
                    // A bad signature or a malformed frame: nobody to answer (the sender is unknown
                    // or not who it claims), so it is dropped, and logged.
                    KernelLog.write(name + ": dropped a message that failed to verify or parse: " + badMessage);
                    continue;
                }
                ShellHandler handler = connection.getHandler(message.getHeader().getType());
                if (handler == null) {
                    KernelLog.write(name + ": no handler for " + message.getHeader().getType().getName());
                    continue;
                }
                ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (RuntimeException | Error e) {
                    KernelLog.write(name + ": " + message.getHeader().getType().getName() + " failed", e);
                    FailedRequest.answer(env, message, e);
                    if (e instanceof VirtualMachineError) {
                        throw e;
                    }
                } finally {
                    env.resolveDeferrals();
                }
                if (env.isMarkedForShutdown()) {
                    running = false;
                    connection.close();
                }
            }
        } catch (RuntimeException | Error fatal) {
            if (running) {
                // Not a shutdown: the loop itself failed, and the kernel cannot answer any more.
                failed = true;
                running = false;
                KernelLog.write(name + ": the request loop failed and the kernel stops", fatal);
            }
        } finally {
            poller.close();
        }
    }

    /** Whether the loop ended for another reason than a shutdown request. */
    boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        running = false;
        if (loop != null && Thread.currentThread() != loop) {
            try {
                loop.join(POLL_MS * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
