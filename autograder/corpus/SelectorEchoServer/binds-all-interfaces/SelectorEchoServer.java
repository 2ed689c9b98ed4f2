// expect: functional
// Bug: binds every interface instead of 127.0.0.1 only.
package exercises;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A byte echo server that serves every client from one thread, with a {@link Selector}.
 *
 * <p>CS:APP 12.2 (concurrency with I/O multiplexing, {@code select}): the thread never blocks on
 * one client; it asks the selector which channels are ready and does for each only what will not
 * block. A client that sends a lot and reads slowly loses nothing and never stalls the others.
 */
public final class SelectorEchoServer implements AutoCloseable {
    // BEGIN SOLUTION
    /**
     * How many echoed bytes a client may have waiting to be written back. When its buffer is
     * full we stop reading from it (TCP flow control then slows the client down) until it has
     * read some of its echo: a client that never reads cannot make the server use more memory.
     */
    static final int PENDING_LIMIT = 64 * 1024;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread loop;
    private volatile boolean closed;

    /** Per connection: the bytes read from it and not yet written back, and whether it sent EOF. */
    private static final class Connection {
        final ByteBuffer pending = ByteBuffer.allocate(PENDING_LIMIT); // in "fill" mode
        boolean inputDone;
    }
    // END SOLUTION

    /**
     * Binds 127.0.0.1:{@code port} (0 for any free port) and starts the one serving thread.
     *
     * @throws IOException if the port cannot be bound
     */
    public SelectorEchoServer(int port) throws IOException {
        // BEGIN SOLUTION (throw)
        selector = Selector.open();
        try {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(port));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            for (SelectionKey k : selector.keys()) {
                k.channel().close();
            }
            selector.close();
            throw e;
        }
        loop = Thread.ofPlatform().name("selector-echo").daemon().start(this::serve);
        // END SOLUTION
    }

    /** The port the server listens on (useful when it was created with port 0). */
    public int port() {
        // BEGIN SOLUTION (throw)
        return server.socket().getLocalPort();
        // END SOLUTION
    }

    /** Closes every connection, stops the serving thread and returns once it has ended. */
    @Override
    public void close() throws IOException {
        // BEGIN SOLUTION (throw)
        closed = true;
        selector.wakeup();           // select() returns; the loop sees closed and cleans up
        boolean interrupted = false;
        while (true) {
            try {
                loop.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
    }
    // BEGIN SOLUTION

    private void serve() {
        try {
            while (!closed) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept();
                        } else {
                            handle(key);
                        }
                    } catch (IOException e) {
                        // This client is broken (reset, ...): drop it, serve the others.
                        key.channel().close();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // The selector itself failed: nothing can be served any more; fall through to cleanup.
        } finally {
            for (SelectionKey k : selector.keys()) {
                try {
                    k.channel().close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel client = server.accept();
        if (client == null) {
            return;                  // someone else's connection attempt vanished
        }
        client.configureBlocking(false);
        client.register(selector, SelectionKey.OP_READ, new Connection());
    }

    private void handle(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        Connection c = (Connection) key.attachment();
        if (key.isReadable() && c.pending.hasRemaining()) {
            int n = ch.read(c.pending);           // never blocks; reads at most what fits
            if (n < 0) {
                c.inputDone = true;
            }
        }
        if (c.pending.position() > 0) {
            // Try to write straight away rather than waiting for OP_WRITE: usually the socket
            // has room, and this saves a trip through select().
            c.pending.flip();
            ch.write(c.pending);                  // never blocks; writes what fits
            c.pending.compact();
        }
        if (c.inputDone && c.pending.position() == 0) {
            ch.close();                           // echoed everything it sent: done
            return;
        }
        // Ask the selector only for what we can act on: OP_READ while there is room to read
        // into, OP_WRITE while there is something to write. Asking for OP_WRITE with nothing to
        // write would make select() return at once, forever (a busy loop).
        int ops = 0;
        if (!c.inputDone && c.pending.hasRemaining()) {
            ops |= SelectionKey.OP_READ;
        }
        if (c.pending.position() > 0) {
            ops |= SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }
    // END SOLUTION
}
