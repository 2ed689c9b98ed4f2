// expect: pass
// Style: the NIO-tutorial half-duplex echo: each connection either reads (OP_READ) or writes back what it read (OP_WRITE), never both; state in a HashMap, not attachments.
package exercises;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection reads one buffer's worth, then stops reading and writes it all back before it reads
 * again. While it writes, the client's further bytes wait in TCP's buffers (flow control), so
 * memory per client is one buffer, and a slow reader only slows itself.
 */
public final class SelectorEchoServer implements AutoCloseable {
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final Map<SocketChannel, ByteBuffer> buffers = new HashMap<>(); // serving thread only
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread servingThread;

    public SelectorEchoServer(int port) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        servingThread = new Thread(this::serve, "selector");
        servingThread.start();
    }

    public int port() {
        return listener.socket().getLocalPort();
    }

    private void serve() {
        try {
            while (!stop.get()) {
                selector.select(key -> {
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel ch = listener.accept();
                            if (ch != null) {
                                ch.configureBlocking(false);
                                ch.register(selector, SelectionKey.OP_READ);
                                buffers.put(ch, ByteBuffer.allocate(4096));
                            }
                        } else if (key.isReadable()) {
                            onRead(key);
                        } else if (key.isWritable()) {
                            onWrite(key);
                        }
                    } catch (IOException e) {
                        drop(key);
                    }
                });
            }
        } catch (IOException e) {
            // selector broken: clean up below
        } finally {
            for (SocketChannel ch : buffers.keySet()) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            buffers.clear();
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void onRead(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        ByteBuffer buf = buffers.get(ch);
        int n = ch.read(buf);
        if (n < 0) {
            drop(key); // the client is done and nothing is pending (we only read when drained)
            return;
        }
        if (n > 0) {
            buf.flip();
            key.interestOps(SelectionKey.OP_WRITE); // stop reading until this is echoed
        }
    }

    private void onWrite(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        ByteBuffer buf = buffers.get(ch);
        ch.write(buf);
        if (!buf.hasRemaining()) {
            buf.clear();
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void drop(SelectionKey key) {
        key.cancel();
        if (key.channel() instanceof SocketChannel ch) {
            buffers.remove(ch);
        }
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // gone anyway
        }
    }

    @Override
    public void close() throws IOException {
        stop.set(true);
        selector.wakeup();
        boolean interrupted = false;
        while (servingThread.isAlive()) {
            try {
                servingThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
