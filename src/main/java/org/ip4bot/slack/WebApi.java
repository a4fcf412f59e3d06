package org.ip4bot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Slack Web API calls the bot makes, with Slack's errors logged (never the token) and turned into empty
 * results, so a failed post never breaks the worker that made it. Thread-safe.
 */
final class WebApi {

    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

    private final Slack slack;
    private final MethodsClient methods;

    WebApi(Slack slack, String botToken) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
    }

    /** Posts to a channel, in a thread when {@code threadTs} is not null; the new message's ts, or empty. */
    Optional<String> post(String channel, String threadTs, SlackMessage message) {
        Posted posted = send(channel, threadTs, message);
        return Optional.ofNullable(posted.ts());
    }

    /** Posts at the top level; the error Slack gave ("not_in_channel") to tell the user why, empty when it worked. */
    Optional<String> postOrError(String channel, SlackMessage message) {
        Posted posted = send(channel, null, message);
        return posted.ts() != null ? Optional.empty() : Optional.of(posted.error());
    }

    private Posted send(String channel, String threadTs, SlackMessage message) {
        try {
            ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(message.text()).blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false));
            return ok("chat.postMessage", response) ? new Posted(response.getTs(), null)
                    : new Posted(null, response.getError());
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.postMessage to {} failed: {}", channel, e.getMessage());
            return new Posted(null, "unreachable");
        }
    }

    /** A post's outcome: its ts, or Slack's error. */
    private record Posted(String ts, String error) {
    }

    boolean update(String channel, String ts, SlackMessage message) {
        try {
            return ok("chat.update", methods.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text())
                    .blocks(message.blocks())));
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.update in {} failed: {}", channel, e.getMessage());
            return false;
        }
    }

    /** The messages of a thread, oldest first; empty when Slack cannot say. */
    List<Message> replies(String channel, String threadTs) {
        try {
            var response = methods.conversationsReplies(r -> r.channel(channel).ts(threadTs).limit(50));
            return ok("conversations.replies", response) && response.getMessages() != null
                    ? response.getMessages() : List.of();
        } catch (IOException | SlackApiException e) {
            LOG.warn("conversations.replies in {} failed: {}", channel, e.getMessage());
            return List.of();
        }
    }

    /** Sends to a {@code response_url}: ephemeral unless {@code inChannel}; replaces the last response if asked. */
    boolean respond(String responseUrl, SlackMessage message, boolean replaceOriginal) {
        return respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(replaceOriginal)
                .text(message.text()).blocks(message.blocks()).build());
    }

    /** Deletes the message a {@code response_url} belongs to (an ephemeral answer once it was shared). */
    boolean deleteOriginal(String responseUrl) {
        return respond(responseUrl, ActionResponse.builder().deleteOriginal(true).build());
    }

    private boolean respond(String responseUrl, ActionResponse response) {
        try {
            WebhookResponse result = new Responder(slack, responseUrl).send(response);
            if (result.getCode() != null && result.getCode() >= 300) {
                LOG.warn("response_url answered {}: {}", result.getCode(), result.getBody());
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("sending to response_url failed: {}", e.getMessage());
            return false;
        }
    }

    private static boolean ok(String method, SlackApiTextResponse response) {
        if (!response.isOk()) {
            LOG.warn("{} failed: {}", method, response.getError());
        }
        return response.isOk();
    }
}
