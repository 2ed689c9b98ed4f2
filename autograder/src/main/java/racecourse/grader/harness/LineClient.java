package racecourse.grader.harness;

import racecourse.results.Verdict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client of an echo server on 127.0.0.1 whose reads time out, so no test can hang on it. A read
 * that times out tells what it had received so far: an echo without its newline is a wrong
 * answer ({@code functional}), no echo at all is a {@code hang}.
 */
public final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public LineClient(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public void send(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a line and returns the line read back. */
    public String echo(String line) throws IOException {
        send(line + "\n");
        return readLine();
    }

    /** The next line (without its newline), or null at end of stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                String partial = line.toString(StandardCharsets.UTF_8);
                if (!partial.isEmpty()) {
                    throw new VerdictFailure(Verdict.FUNCTIONAL, "received \"" + partial + "\" but no newline after it");
                }
                throw e;
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
