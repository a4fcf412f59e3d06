package org.ip4bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.Objects;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.Conversation;
import org.ip4bot.chat.Incoming;
import org.ip4bot.chat.SeenIds;

/**
 * Mentions in channels and direct messages. Each handler only filters, de-duplicates and hands the message to the
 * chat's workers, then acknowledges: Bolt sends the ack when the handler returns, and Slack retries after 3 s.
 */
final class ConversationEvents {

    static final String PLATFORM = "slack";

    private final ChatBot chat;
    private final WebApi web;
    private final Deliveries deliveries;
    private final SeenIds seen;

    /** @param seen the event IDs already taken, so Slack's retries ({@code X-Slack-Retry-Num}) are not answered */
    ConversationEvents(ChatBot chat, WebApi web, Deliveries deliveries, SeenIds seen) {
        this.chat = chat;
        this.web = web;
        this.deliveries = deliveries;
        this.seen = seen;
    }

    void register(App app) {
        app.event(AppMentionEvent.class, this::mention);
        app.event(MessageEvent.class, this::directMessage);
    }

    private Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (!firstTime(payload) || event.getBotId() != null
                || Objects.equals(event.getUser(), ctx.getBotUserId())) {
            return ctx.ack();
        }
        // Answer in the thread the mention is in, or start one under the mention.
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        receive(event.getChannel(), thread, thread, event.getTs(), event.getUser(), event.getText(), ctx);
        return ctx.ack();
    }

    private Response directMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (!"im".equals(event.getChannelType()) || event.getBotId() != null || event.getUser() == null
                || Objects.equals(event.getUser(), ctx.getBotUserId()) || !firstTime(payload)) {
            return ctx.ack();
        }
        // A DM is one conversation; a thread inside it is its own.
        String thread = event.getThreadTs();
        receive(event.getChannel(), thread, thread == null ? "" : thread, event.getTs(), event.getUser(),
                event.getText(), ctx);
        return ctx.ack();
    }

    private boolean firstTime(EventsApiPayload<?> payload) {
        return payload.getEventId() == null || seen.firstTime(payload.getEventId());
    }

    private void receive(String channel, String replyThread, String conversationThread, String messageTs,
            String user, String text, EventContext ctx) {
        String botUserId = ctx.getBotUserId();
        Incoming incoming = new Incoming(new Conversation(PLATFORM, channel, conversationThread), user,
                SlackText.plain(text, botUserId));
        chat.receive(incoming, new ThreadReplies(web, deliveries, channel, replyThread, messageTs, botUserId));
    }
}
