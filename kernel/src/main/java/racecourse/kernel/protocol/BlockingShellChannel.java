package racecourse.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that waits for requests in a blocking poll.
 *
 * <p>Works around jjava-jupyter 1.0-a6, whose {@code ShellChannel} polls without waiting and then
 * sleeps 50 ms between polls: every request waits up to 50 ms before it is even read, which alone
 * puts a trivial cell at ~77 ms. Here the poll itself waits, so a request is read the moment it
 * arrives, and the loop still notices a shutdown within {@link #POLL_MS}.
 */
final class BlockingShellChannel extends ShellChannel {
    private static final long POLL_MS = 100;

    private final String name;
    private final JupyterConnection connection;
    private final ZMQ.Context context;
    private final int port;
    private volatile boolean running;
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
                    // A bad signature or malformed frame: drop it, keep serving.
                    continue;
                }
                ShellHandler handler = connection.getHandler(message.getHeader().getType());
                if (handler == null) {
                    continue;
                }
                ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (Exception e) {
                    System.err.println("racecourse kernel: " + message.getHeader().getType().getName()
                            + " failed: " + e);
                } finally {
                    env.resolveDeferrals();
                }
                if (env.isMarkedForShutdown()) {
                    running = false;
                    connection.close();
                }
            }
        } catch (RuntimeException closed) {
            // The context was terminated under us during shutdown.
        } finally {
            poller.close();
        }
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
