package racecourse.kernel.protocol;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell loop on real ZeroMQ sockets on 127.0.0.1, with a signed request sent as a front end would. */
class ShellLoopTest {
    private static final String KEY = "a-test-key";

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFailedHandlerIsAnsweredAndAFatalOneEndsTheLoopAsFailed() throws Exception {
        KernelConnectionProperties props = new KernelConnectionProperties("127.0.0.1", freePort(), freePort(),
                freePort(), freePort(), freePort(), "tcp", "hmac-sha256", KEY);
        KernelConnection connection = new KernelConnection(props);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, (env, m) -> {
            throw new IllegalStateException("a handler bug");
        });
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, m) -> {
            throw new StackOverflowError("fatal");
        });
        connection.connect();
        try (ZMQ.Context context = ZMQ.context(1); ZMQ.Socket client = context.socket(SocketType.DEALER)) {
            client.setReceiveTimeOut(10_000);
            client.setLinger(0);
            client.connect("tcp://127.0.0.1:" + props.getShellPort());

            send(client, "is_complete_request");
            String reply = replyContent(client);
            assertTrue(reply.contains("\"status\":\"error\"") && reply.contains("KernelError"), reply);
            assertFalse(connection.failed(), "an ordinary handler failure is answered; the loop goes on");

            send(client, "kernel_info_request");
            replyContent(client); // still answered before the loop gives up
            Thread waiter = Thread.ofPlatform().start(connection::waitUntilClose);
            waiter.join(5_000);
            assertFalse(waiter.isAlive(), "the loop must end after a VirtualMachineError in a handler");
            assertTrue(connection.failed(), "a loop ended by a fatal error is a failure, so the kernel exits non-zero");
        } finally {
            // A daemon closes it: the kernel itself exits instead of closing after a failed loop,
            // and ZeroMQ's context may wait for the dead loop's socket.
            Thread.ofPlatform().daemon().start(connection::close);
        }
    }

    private static void send(ZMQ.Socket socket, String type) throws Exception {
        String header = "{\"msg_id\":\"" + UUID.randomUUID() + "\",\"msg_type\":\"" + type
                + "\",\"username\":\"t\",\"session\":\"s\",\"date\":\"2026-12-01T00:00:00.000Z\",\"version\":\"5.3\"}";
        List<byte[]> frames = new ArrayList<>();
        for (String part : new String[] {header, "{}", "{}", "{}"}) {
            frames.add(part.getBytes(StandardCharsets.UTF_8));
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        frames.forEach(mac::update);
        socket.sendMore("<IDS|MSG>");
        socket.sendMore(HexFormat.of().formatHex(mac.doFinal()));
        for (int i = 0; i < frames.size(); i++) {
            if (i < frames.size() - 1) {
                socket.sendMore(frames.get(i));
            } else {
                socket.send(frames.get(i));
            }
        }
    }

    /** The content frame of the next reply (frames: delimiter, signature, header, parent, metadata, content). */
    private static String replyContent(ZMQ.Socket socket) {
        List<String> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            assertTrue(frame != null, "no reply within 10 s");
            frames.add(new String(frame, StandardCharsets.UTF_8));
        } while (socket.hasReceiveMore());
        int delimiter = frames.indexOf("<IDS|MSG>");
        assertEquals(6, frames.size() - delimiter, "a reply has five frames after the delimiter: " + frames);
        return frames.get(delimiter + 5);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
