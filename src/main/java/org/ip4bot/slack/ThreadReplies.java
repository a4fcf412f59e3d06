package org.ip4bot.slack;

import com.slack.api.model.Message;
import java.util.List;
import java.util.Objects;
import org.ip4bot.chat.Reply;
import org.ip4bot.chat.ReplyChannel;

/**
 * Replies in a channel thread or a DM: the first progress note is posted as a placeholder and every later note,
 * and finally the answer, replaces it in place with {@code chat.update}. One instance per incoming message.
 */
final class ThreadReplies implements ReplyChannel {

    private final WebApi web;
    private final Deliveries deliveries;
    private final String channel;
    private final String threadTs;
    private final String messageTs;
    private final String botUserId;
    private volatile String placeholderTs;

    /**
     * @param threadTs  the thread to answer in, or null to answer at the top level (a DM)
     * @param messageTs the incoming message, left out when looking back through the thread
     */
    ThreadReplies(WebApi web, Deliveries deliveries, String channel, String threadTs, String messageTs,
            String botUserId) {
        this.web = web;
        this.deliveries = deliveries;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.threadTs = threadTs;
        this.messageTs = messageTs;
        this.botUserId = botUserId;
    }

    @Override
    public void progress(String text) {
        show(MessageRenderer.progress(text));
    }

    @Override
    public void reply(Reply reply) {
        show(MessageRenderer.render(reply, Layout.THREAD));
    }

    @Override
    public void busy(Reply.Notice notice) {
        deliveries.send("a busy notice", () -> web.post(channel, threadTs, MessageRenderer.notice(notice)));
    }

    @Override
    public List<String> earlierQuestions() {
        if (threadTs == null) {
            return List.of();
        }
        return web.replies(channel, threadTs).stream()
                .filter(m -> !m.getTs().equals(messageTs) && !fromABot(m))
                .map(m -> SlackText.plain(m.getText(), botUserId))
                .filter(text -> !text.isBlank())
                .toList();
    }

    private void show(SlackMessage message) {
        String placeholder = placeholderTs;
        if (placeholder != null && web.update(channel, placeholder, message)) {
            return;
        }
        placeholderTs = web.post(channel, threadTs, message).orElse(null);
    }

    private boolean fromABot(Message m) {
        return m.getBotId() != null || Objects.equals(m.getUser(), botUserId) || m.getSubtype() != null;
    }
}
