// Generated from solutions/src/main/java/exercises/SelectorEchoServer.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/SelectorEchoServer.md.

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
    // TODO

    /**
     * Binds 127.0.0.1:{@code port} (0 for any free port) and starts the one serving thread.
     *
     * @throws IOException if the port cannot be bound
     */
    public SelectorEchoServer(int port) throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** The port the server listens on (useful when it was created with port 0). */
    public int port() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** Closes every connection, stops the serving thread and returns once it has ended. */
    @Override
    public void close() throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
    // TODO
}
