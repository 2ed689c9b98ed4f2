// expect: pass
// Style: verbose: one ByteBuffer per connection attached to its key, flip/compact, interest ops recomputed after each step, volatile flag + wakeup to stop; half-close aware.
package exercises;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

public final class SelectorEchoServer implements AutoCloseable {
    private static final int BUFFER_BYTES = 16 * 1024;

    /** Per connection: bytes read and not yet echoed (buffer in fill mode), and whether the client stopped sending. */
    private static final class Connection {
        final ByteBuffer pending = ByteBuffer.allocate(BUFFER_BYTES);
        boolean inputEnded;
    }

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread loop;
    private volatile boolean running = true;

    public SelectorEchoServer(int port) throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        loop = new Thread(this::serve, "selector-echo");
        loop.start();
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    private void serve() {
        try {
            while (running) {
                selector.select();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptAll();
                    } else {
                        handle(key);
                    }
                }
            }
        } catch (IOException e) {
            // the selector failed: shut down below
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    private void acceptAll() throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ, new Connection());
        }
    }

    private void handle(SelectionKey key) {
        SocketChannel ch = (SocketChannel) key.channel();
        Connection c = (Connection) key.attachment();
        try {
            if (key.isReadable() && c.pending.hasRemaining()) {
                if (ch.read(c.pending) < 0) {
                    c.inputEnded = true;
                }
            }
            if (key.isWritable() && c.pending.position() > 0) {
                c.pending.flip();
                ch.write(c.pending);
                c.pending.compact();
            }
            if (c.inputEnded && c.pending.position() == 0) {
                ch.shutdownOutput(); // all echoed: the client sees end of stream
                key.cancel();
                ch.close();
                return;
            }
            int ops = 0;
            if (!c.inputEnded && c.pending.hasRemaining()) {
                ops |= SelectionKey.OP_READ;
            }
            if (c.pending.position() > 0) {
                ops |= SelectionKey.OP_WRITE;
            }
            key.interestOps(ops);
        } catch (IOException e) {
            key.cancel();
            closeQuietly(ch);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
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
    }
}
