// Generated from solutions/src/main/java/exercises/PrethreadedEchoServer.java by `bin/racecourse release`.
// This is the file you edit: replace each TODO with your code, keep the public API as it is.
// The problem statement is exercises/PrethreadedEchoServer.md.

package exercises;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line echo server with a fixed pool of worker threads.
 *
 * <p>CS:APP 12.5.5 ({@code echoservert_pre}): one acceptor thread accepts connections and puts
 * them into a bounded buffer; {@code workers} worker threads take connections out of it, one at a
 * time, and echo each line back. So at most {@code workers} clients are served at once; the next
 * ones wait in the buffer (and, once it is full, in the kernel's listen backlog).
 */
public final class PrethreadedEchoServer implements AutoCloseable {
    // TODO

    /**
     * Binds 127.0.0.1:{@code port} (0 for any free port) and starts one acceptor thread and
     * exactly {@code workers} worker threads. Connections are accepted once this returns.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     * @throws IOException if the port cannot be bound
     */
    public PrethreadedEchoServer(int port, int workers) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /** The port the server listens on (useful when it was created with port 0). */
    public int port() {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Stops accepting, closes every open connection (queued or being served) and returns once the
     * acceptor and all the workers have ended. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO");
    }
    // TODO
}
