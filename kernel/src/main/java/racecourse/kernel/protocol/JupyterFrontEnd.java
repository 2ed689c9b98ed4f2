package racecourse.kernel.protocol;

import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.CompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.InspectReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.IsCompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import racecourse.kernel.Interpreter;
import racecourse.kernel.Version;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Jupyter side of the kernel: turns shell and control requests into calls on an
 * {@link Interpreter} and its answers into replies and IOPub messages. Data flows one way:
 * request, evaluate, route output (through {@link JupyterCell}), reply.
 */
public final class JupyterFrontEnd {
    private final Interpreter interpreter;
    private final KernelConnection connection;
    private final CommManager comms = new CommManager();
    private final AtomicInteger executionCount = new AtomicInteger(1);
    private final History history = new History();

    public JupyterFrontEnd(Interpreter interpreter, KernelConnection connection) {
        this.interpreter = interpreter;
        this.connection = connection;
    }

    public void serve() {
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::execute);
        connection.setHandler(MessageType.INSPECT_REQUEST, this::inspect);
        connection.setHandler(MessageType.COMPLETE_REQUEST, this::complete);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::history);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::isComplete);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::kernelInfo);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::shutdown);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, this::interrupt);
        comms.setIOPubChannel(connection.getIOPub());
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, comms::handleCommOpenCommand);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, comms::handleCommMsgCommand);
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, comms::handleCommCloseCommand);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, comms::handleCommInfoRequest);
        connection.connect();
    }

    private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        env.setBusyDeferIdle();
        boolean counted = !request.isSilent() && request.shouldStoreHistory();
        int count = counted ? executionCount.getAndIncrement() : executionCount.get();
        if (!request.isSilent()) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        if (counted) {
            history.add(count, request.getCode());
        }
        JupyterCell cell = new JupyterCell(env, message, connection.getIOPub(), count, request.isStdinEnabled());
        Interpreter.Outcome outcome;
        try {
            outcome = interpreter.execute(request.getCode(), cell);
        } finally {
            cell.finish();
        }
        switch (outcome) {
            case Interpreter.Outcome.Ok ok -> {
                if (!request.isSilent()) {
                    ok.value().ifPresent(v -> {
                        env.publish(new PublishExecuteResult(count, v));
                        Object text = v.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                        history.setOutput(count, text == null ? "" : text.toString());
                    });
                }
                env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
            }
            case Interpreter.Outcome.Failed failed -> {
                env.publish(new PublishError(failed.name(), failed.value(), failed.traceback()));
                ErrorReply error = new ErrorReply(failed.name(), failed.value(), failed.traceback());
                error.setExecutionCount(count);
                env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
            }
        }
    }

    private void inspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        InspectRequest request = message.getContent();
        env.setBusyDeferIdle();
        DisplayData found = interpreter.inspect(request.getCode(), request.getCursorPos(), request.getDetailLevel())
                .orElse(null);
        env.reply(new InspectReply(found != null, DisplayData.emptyIfNull(found)));
    }

    private void complete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        CompleteRequest request = message.getContent();
        env.setBusyDeferIdle();
        Interpreter.Completion c = interpreter.complete(request.getCode(), request.getCursorPos());
        env.reply(new CompleteReply(c.matches(), c.start(), c.end(), Collections.emptyMap()));
    }

    private void isComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        env.setBusyDeferIdle();
        Interpreter.Completeness c = interpreter.isComplete(message.getContent().getCode());
        env.reply(switch (c.status()) {
            case "complete" -> IsCompleteReply.VALID_CODE;
            case "invalid" -> IsCompleteReply.INVALID_CODE;
            case "incomplete" -> IsCompleteReply.getIncompleteReplyWithIndent(c.indent());
            default -> IsCompleteReply.UNKNOWN;
        });
    }

    private void history(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(RawReplies.history(message, history.answer(message.getContent())));
    }

    private void kernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", interpreter.languageVersion());
        language.addProperty("mimetype", "text/x-java");
        language.addProperty("file_extension", ".java");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        language.addProperty("nbconvert_exporter", "script");
        env.reply(RawReplies.kernelInfo(message, "racecourse", Version.current(), language, interpreter.banner(),
                List.of(new String[] {"Java API", "https://docs.oracle.com/en/java/javase/21/docs/api/"},
                        new String[] {"JShell guide", "https://docs.oracle.com/en/java/javase/21/jshell/"})));
    }

    private void shutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        ShutdownRequest request = message.getContent();
        env.setBusyDeferIdle();
        env.defer().reply(request.isRestart() ? ShutdownReply.SHUTDOWN_AND_RESTART : ShutdownReply.SHUTDOWN);
        interpreter.close();
        env.resolveDeferrals();
        env.markForShutdown();
    }

    private void interrupt(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new InterruptReply());
        interpreter.interrupt(JupyterCell.sentAt(message));
    }
}
