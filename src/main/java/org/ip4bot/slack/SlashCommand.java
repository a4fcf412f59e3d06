package org.ip4bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.Conversation;
import org.ip4bot.chat.Incoming;

/**
 * {@code /ip4 <question> | brief <topic> | sources | reload | help}: acknowledged at once with an empty body, then
 * answered privately through the command's {@code response_url}.
 */
final class SlashCommand {

    static final String NAME = "/ip4";

    private final ChatBot chat;
    private final WebApi web;
    private final Deliveries deliveries;

    SlashCommand(ChatBot chat, WebApi web, Deliveries deliveries) {
        this.chat = chat;
        this.web = web;
        this.deliveries = deliveries;
    }

    void register(App app) {
        app.command(NAME, this::handle);
    }

    private Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        // Follow-ups with /ip4 are read in the context of the same person's earlier /ip4 in the same channel.
        Conversation conversation = new Conversation(ConversationEvents.PLATFORM, payload.getChannelId(),
                "slash:" + payload.getUserId());
        chat.receive(new Incoming(conversation, payload.getUserId(), SlackText.plain(payload.getText(), null)),
                new ResponseUrlReplies(web, deliveries, payload.getResponseUrl()));
        return ctx.ack();
    }
}
