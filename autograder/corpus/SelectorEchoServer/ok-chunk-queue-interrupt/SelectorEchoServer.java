// expect: pass
// Style: per-connection queue of byte chunks under a byte budget (nested class), stopped by interrupting the serving thread.
package exercises;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

public final class SelectorEchoServer implements AutoCloseable {
    private static final int BUDGET = 64 * 1024; // bytes held per client at most

    private final class Client {
        final SocketChannel channel;
        final SelectionKey key;
        final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
        int held;
        boolean eof;

        Client(SocketChannel channel) throws IOException {
            this.channel = channel;
            this.key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void onReadable() throws IOException {
            ByteBuffer chunk = ByteBuffer.allocate(Math.min(4096, BUDGET - held));
            int n = channel.read(chunk);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                chunk.flip();
                outgoing.addLast(chunk);
                held += n;
            }
        }

        void onWritable() throws IOException {
            while (!outgoing.isEmpty()) {
                ByteBuffer head = outgoing.peekFirst();
                held -= channel.write(head);
                if (head.hasRemaining()) {
                    return; // socket buffer full: wait for OP_WRITE again
                }
                outgoing.pollFirst();
            }
        }

        /** Returns false when the connection is finished. */
        boolean updateInterest() {
            if (eof && outgoing.isEmpty()) {
                return false;
            }
            int ops = (eof || held >= BUDGET ? 0 : SelectionKey.OP_READ) | (outgoing.isEmpty() ? 0 : SelectionKey.OP_WRITE);
            key.interestOps(ops);
            return true;
        }
    }

    private final Selector selector;
    private final ServerSocketChannel acceptor;
    private final Thread thread;

    public SelectorEchoServer(int port) throws IOException {
        selector = Selector.open();
        acceptor = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        acceptor.configureBlocking(false);
        acceptor.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::run, "echo-selector");
        thread.start();
    }

    public int port() {
        return acceptor.socket().getLocalPort();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.channel() == acceptor) {
                        SocketChannel sc = acceptor.accept();
                        if (sc != null) {
                            sc.configureBlocking(false);
                            new Client(sc);
                        }
                        continue;
                    }
                    Client c = (Client) key.attachment();
                    try {
                        if (key.isValid() && key.isReadable()) {
                            c.onReadable();
                        }
                        if (key.isValid() && key.isWritable()) {
                            c.onWritable();
                        }
                        if (!c.updateInterest()) {
                            c.channel.close();
                        }
                    } catch (IOException e) {
                        c.channel.close();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // fall through to cleanup
        } finally {
            for (SelectionKey k : selector.keys()) {
                try {
                    k.channel().close();
                } catch (IOException ignored) {
                    // shutting down
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt(); // select() returns at once; the loop sees the flag
        boolean interrupted = false;
        for (;;) {
            try {
                thread.join();
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
