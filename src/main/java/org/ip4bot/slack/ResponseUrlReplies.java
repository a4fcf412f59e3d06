package org.ip4bot.slack;

import org.ip4bot.chat.Reply;
import org.ip4bot.chat.ReplyChannel;

/**
 * Replies to a slash command privately through its {@code response_url}: each message replaces the previous one,
 * and an answer carries a "Share in channel" button. One instance per command.
 */
final class ResponseUrlReplies implements ReplyChannel {

    private final WebApi web;
    private final Deliveries deliveries;
    private final String responseUrl;
    private volatile boolean sent;

    ResponseUrlReplies(WebApi web, Deliveries deliveries, String responseUrl) {
        this.web = web;
        this.deliveries = deliveries;
        this.responseUrl = responseUrl;
    }

    @Override
    public void progress(String text) {
        send(MessageRenderer.progress(text));
    }

    @Override
    public void reply(Reply reply) {
        send(MessageRenderer.render(reply, Layout.EPHEMERAL));
    }

    @Override
    public void busy(Reply.Notice notice) {
        deliveries.send("a busy notice", () -> web.respond(responseUrl, MessageRenderer.notice(notice), false));
    }

    private void send(SlackMessage message) {
        web.respond(responseUrl, message, sent);
        sent = true;
    }
}
