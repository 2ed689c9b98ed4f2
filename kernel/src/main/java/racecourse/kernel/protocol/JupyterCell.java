package racecourse.kernel.protocol;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import racecourse.kernel.Cell;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A cell as the protocol sees it: every message it publishes carries the execute_request as its
 * parent, which is how a front end places output, also output that arrives after the reply.
 *
 * <p>Stream text is batched: a burst of prints becomes one message per {@link #BATCH_MS}, so a
 * chatty loop costs the front end little while a line printed once a second still shows at once.
 */
final class JupyterCell implements Cell {
    static final long BATCH_MS = 20;
    /** Past this much stream text a cell is cut off, so a runaway print loop cannot drown the browser. */
    static final int MAX_STREAM_CHARS = 8 << 20;
    private static final int EAGER_FLUSH_CHARS = 32 << 10;

    private static final ScheduledThreadPoolExecutor FLUSHER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "racecourse-output-flusher");
        t.setDaemon(true);
        return t;
    });

    static {
        // Start the thread now, on a kernel thread: made lazily by a cell's thread, it would join
        // that cell's thread group and show up as a thread the student left running.
        FLUSHER.prestartAllCoreThreads();
    }

    private final MessageContext parent;
    private final IOPubChannel iopub;
    private final int executionCount;
    private final boolean stdinAllowed;
    private volatile ShellReplyEnvironment env;
    private volatile boolean stopped;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private long written;
    private boolean cut;
    private boolean flushScheduled;

    JupyterCell(ShellReplyEnvironment env, MessageContext parent, IOPubChannel iopub, int executionCount,
                boolean stdinAllowed) {
        this.env = env;
        this.parent = parent;
        this.iopub = iopub;
        this.executionCount = executionCount;
        this.stdinAllowed = stdinAllowed;
    }

    @Override
    public int executionCount() {
        return executionCount;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void markStopped() {
        stopped = true;
    }

    @Override
    public java.time.Instant requestedAt() {
        return sentAt(parent);
    }

    /**
     * A request's header date, or null when it has none or it does not parse. Read from the raw
     * string: jjava-jupyter's own parse keeps minutes only and rejects jupyter_client's fractions.
     */
    static java.time.Instant sentAt(MessageContext request) {
        try {
            String date = request.getHeader().getTimestamp().getDateString();
            try {
                return java.time.Instant.parse(date);
            } catch (java.time.format.DateTimeParseException noZ) {
                return java.time.OffsetDateTime.parse(date).toInstant();
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void write(Stream stream, String text) {
        boolean flushNow;
        synchronized (this) {
            if (cut) {
                return;
            }
            written += text.length();
            StringBuilder buffer = stream == Stream.STDOUT ? out : err;
            if (written > MAX_STREAM_CHARS) {
                cut = true;
                err.append("\n[racecourse: this cell printed more than ").append(MAX_STREAM_CHARS >> 20)
                        .append(" MB; the rest of its output is dropped]\n");
            } else {
                buffer.append(text);
            }
            flushNow = out.length() + err.length() >= EAGER_FLUSH_CHARS || cut;
            if (!flushNow && !flushScheduled) {
                flushScheduled = true;
                FLUSHER.schedule(this::flush, BATCH_MS, TimeUnit.MILLISECONDS);
            }
        }
        if (flushNow) {
            flush();
        }
    }

    @Override
    public void flush() {
        String o;
        String e;
        synchronized (this) {
            flushScheduled = false;
            o = take(out);
            e = take(err);
            // Publish under the lock so two flushes never reorder a cell's text.
            if (!o.isEmpty()) {
                publish(PublishStream.MESSAGE_TYPE, new PublishStream(PublishStream.StreamType.OUT, o));
            }
            if (!e.isEmpty()) {
                publish(PublishStream.MESSAGE_TYPE, new PublishStream(PublishStream.StreamType.ERR, e));
            }
        }
    }

    @Override
    public void display(DisplayData data, boolean update) {
        flush();
        if (update) {
            publish(PublishUpdateDisplayData.MESSAGE_TYPE, new PublishUpdateDisplayData(data));
        } else {
            publish(PublishDisplayData.MESSAGE_TYPE, new PublishDisplayData(data));
        }
    }

    @Override
    public void clearOutput(boolean wait) {
        flush();
        publish(PublishClearOutput.MESSAGE_TYPE, wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    @Override
    public String readLine(String prompt, boolean password) {
        ShellReplyEnvironment e = env;
        if (e == null) {
            throw new IllegalStateException("cell [" + executionCount + "] has finished; it can no longer read input");
        }
        if (!stdinAllowed) {
            throw new IllegalStateException("this front end does not accept input requests (allow_stdin is false)");
        }
        flush();
        String line = e.readFromStdIn(prompt, password);
        // The library appends the platform line separator; callers add their own.
        return line.endsWith(System.lineSeparator()) ? line.substring(0, line.length() - System.lineSeparator().length()) : line;
    }

    /** The request has been answered: input can no longer be asked for; output still routes here. */
    void finish() {
        env = null;
        flush();
    }

    private <T> void publish(org.dflib.jjava.jupyter.messages.MessageType<T> type, T content) {
        iopub.sendMessage(new Message<>(parent, type, content));
    }

    private static String take(StringBuilder b) {
        if (b.isEmpty()) {
            return "";
        }
        String s = b.toString();
        b.setLength(0);
        return s;
    }
}
