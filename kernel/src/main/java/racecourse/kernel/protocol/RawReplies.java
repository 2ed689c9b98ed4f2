package racecourse.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;

import java.util.List;

/**
 * Replies built as JSON here, because jjava-jupyter 1.0-a6 sends its {@code KernelInfoReply} and
 * {@code HistoryReply} without the {@code status} the protocol requires, and history entries as
 * objects instead of {@code [session, line, input]} tuples (its tuple adapter is never used when
 * sending). jupyter_kernel_test rejects both.
 */
final class RawReplies {
    private RawReplies() {
    }

    static Message<?> kernelInfo(MessageContext request, String implementation, String version, JsonObject language,
                                 String banner, List<String[]> helpLinks) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.addProperty("protocol_version", org.dflib.jjava.jupyter.messages.Header.PROTOCOL_VERISON);
        content.addProperty("implementation", implementation);
        content.addProperty("implementation_version", version);
        content.add("language_info", language);
        content.addProperty("banner", banner);
        JsonArray links = new JsonArray();
        for (String[] link : helpLinks) {
            JsonObject l = new JsonObject();
            l.addProperty("text", link[0]);
            l.addProperty("url", link[1]);
            links.add(l);
        }
        content.add("help_links", links);
        return message(request, MessageType.KERNEL_INFO_REPLY, content);
    }

    static Message<?> history(MessageContext request, List<HistoryEntry> entries) {
        JsonArray history = new JsonArray();
        for (HistoryEntry e : entries) {
            JsonArray tuple = new JsonArray();
            tuple.add(e.getSession());
            tuple.add(e.getCellNumber());
            if (e.hasOutput()) {
                JsonArray io = new JsonArray();
                io.add(e.getInput());
                io.add(e.getOutput());
                tuple.add(io);
            } else {
                tuple.add(e.getInput());
            }
            history.add(tuple);
        }
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("history", history);
        return message(request, MessageType.HISTORY_REPLY, content);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> message(MessageContext request, MessageType<?> type, JsonObject content) {
        return new Message(request, type, content);
    }
}
