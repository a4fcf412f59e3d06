package org.ip4bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.Reply;
import org.ip4bot.chat.Reply.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The buttons under an answer: "Share in channel" and the three feedback buttons. */
final class Buttons {

    private static final Logger LOG = LoggerFactory.getLogger(Buttons.class);

    private final ChatBot chat;
    private final WebApi web;
    private final Deliveries deliveries;

    Buttons(ChatBot chat, WebApi web, Deliveries deliveries) {
        this.chat = chat;
        this.web = web;
        this.deliveries = deliveries;
    }

    void register(App app) {
        app.blockAction(AnswerBlocks.SHARE, this::share);
        app.blockAction(Pattern.compile(Pattern.quote(AnswerBlocks.FEEDBACK_PREFIX) + ".+"), this::feedback);
    }

    private Response share(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String answerId = payload.getActions().get(0).getValue();
        String user = payload.getUser().getId();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String responseUrl = payload.getResponseUrl();
        deliveries.send("a shared answer", () -> {
            Optional<Reply.Answered> answered = chat.recentAnswer(answerId);
            if (answered.isEmpty() || channel == null) {
                web.respond(responseUrl, MessageRenderer.notice(new Reply.Notice(Kind.REJECTED,
                        "That answer is no longer available to share. Please ask again.")), false);
                return;
            }
            Optional<String> error = web.postOrError(channel, AnswerBlocks.render(answered.get(),
                    Layout.sharedBy(user)));
            if (error.isEmpty()) {
                web.deleteOriginal(responseUrl);
            } else {
                web.respond(responseUrl, MessageRenderer.notice(new Reply.Notice(Kind.REFUSED,
                        "I couldn't post in this channel (" + error.get() + "). Invite me with /invite, then "
                                + "press Share again.")), false);
            }
        });
        return ctx.ack();
    }

    private Response feedback(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        var action = payload.getActions().get(0);
        String value = action.getActionId().substring(AnswerBlocks.FEEDBACK_PREFIX.length());
        try {
            chat.feedback(ConversationEvents.PLATFORM, payload.getUser().getId(), action.getValue(), value);
        } catch (RuntimeException e) {
            LOG.error("could not record feedback '{}' on answer {}", value, action.getValue(), e);
            return ctx.ack();
        }
        String responseUrl = payload.getResponseUrl();
        deliveries.send("a feedback thank-you", () -> web.respond(responseUrl, MessageRenderer.notice(
                new Reply.Notice(Kind.REPORT, "Thanks, your feedback is recorded.")), false));
        return ctx.ack();
    }
}
