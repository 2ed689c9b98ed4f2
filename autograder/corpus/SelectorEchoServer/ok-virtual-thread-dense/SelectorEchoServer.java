// expect: pass
// Style: dense, a record per connection, the one serving thread is a virtual thread; stopped by closing flag + wakeup.
package exercises;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import static java.nio.channels.SelectionKey.*;

public final class SelectorEchoServer implements AutoCloseable {
    private record Conn(SocketChannel ch, ByteBuffer buf) {}

    private final Selector sel = Selector.open();
    private final ServerSocketChannel ssc = ServerSocketChannel.open();
    private final Thread server;
    private volatile boolean stop;

    public SelectorEchoServer(int port) throws IOException {
        ssc.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).configureBlocking(false);
        ssc.register(sel, OP_ACCEPT);
        server = Thread.ofVirtual().name("selector-echo").start(this::loop);
    }

    public int port() { return ssc.socket().getLocalPort(); }

    private void loop() {
        try (sel; ssc) {
            try {
                while (!stop) {
                    sel.select();
                    for (var it = sel.selectedKeys().iterator(); it.hasNext(); ) {
                        SelectionKey k = it.next(); it.remove();
                        if (k.isValid() && k.isAcceptable()) {
                            for (SocketChannel c; (c = ssc.accept()) != null; ) {
                                c.configureBlocking(false).register(sel, OP_READ, new Conn(c, ByteBuffer.allocate(8192)));
                            }
                        } else if (k.isValid()) step(k, (Conn) k.attachment());
                    }
                }
            } finally { // every client channel, before try-with-resources closes the selector
                for (SelectionKey k : sel.keys()) try { k.channel().close(); } catch (IOException ignored) { }
            }
        } catch (IOException e) {
            // the selector or the listening channel failed: everything is closed by now
        }
    }

    private static void step(SelectionKey k, Conn c) {
        ByteBuffer b = c.buf(); // fill mode: [0, position) waits to be echoed
        try {
            boolean eof = false;
            if (k.isReadable()) eof = c.ch().read(b) < 0;
            if (b.position() > 0) { b.flip(); c.ch().write(b); b.compact(); }
            // after end of stream only OP_WRITE stays on; once drained, reading again sees -1 and closes
            if (eof && b.position() == 0) { c.ch().close(); return; }
            k.interestOps((b.hasRemaining() && !eof ? OP_READ : 0) | (b.position() > 0 ? OP_WRITE : 0));
        } catch (IOException e) {
            try { c.ch().close(); } catch (IOException ignored) { }
        }
    }

    @Override public void close() throws IOException {
        stop = true;
        sel.wakeup();
        boolean intr = false;
        while (true) try { server.join(); break; } catch (InterruptedException e) { intr = true; }
        if (intr) Thread.currentThread().interrupt();
    }
}
