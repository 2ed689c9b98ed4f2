package racecourse.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * The reply to a request whose handler failed inside the kernel: {@code <name>_reply} with status
 * error, so the front end stops waiting (Jupyter shows a cell as running until its reply comes).
 * An execute_request also gets the error on IOPub, where JupyterLab shows errors in the cell.
 */
final class FailedRequest {
    static final String ENAME = "KernelError";

    private FailedRequest() {
    }

    static void answer(ShellReplyEnvironment env, Message<?> request, Throwable failure) {
        String type = request.getHeader().getType().getName();
        if (!type.endsWith("_request")) {
            return; // comm messages and the like expect no reply
        }
        String evalue = "the kernel failed on this " + type + ": " + failure;
        JsonArray traceback = new JsonArray();
        traceback.add(ENAME + ": " + evalue);
        traceback.add("The kernel goes on; its log has the details. Please report it with what you did.");
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", ENAME);
        content.addProperty("evalue", evalue);
        content.add("traceback", traceback);
        try {
            if (type.equals("execute_request")) {
                JsonObject error = content.deepCopy();
                error.remove("status");
                env.publish(message(request, MessageType.getType("error"), error));
            }
            MessageType<?> replyType = MessageType.getType(type.substring(0, type.length() - "_request".length()) + "_reply");
            env.reply(message(request, replyType, content));
        } catch (RuntimeException e) {
            racecourse.kernel.KernelLog.write("could not send the error reply to " + type, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> message(Message<?> request, MessageType<?> type, JsonObject content) {
        return new Message(request, type, content);
    }
}
