package org.ip4bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.ip4bot.Ip4botException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework Connector's REST API, as far as the bot uses it: replies in a conversation or thread, new
 * messages and typing indicators. Every call goes to the {@code serviceUrl} of an authenticated activity, with the
 * bot's bearer token. Thread-safe.
 */
final class ConnectorClient {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Retries retries;
    private final Retries typingRetries;
    private final AccessTokens tokens;

    /**
     * @param retries       for messages, which are worth waiting for
     * @param typingRetries for typing indicators, which are stale within seconds
     */
    ConnectorClient(Retries retries, Retries typingRetries, AccessTokens tokens) {
        this.retries = retries;
        this.typingRetries = typingRetries;
        this.tokens = tokens;
    }

    /**
     * Posts {@code activity} as a reply to the incoming activity ({@code replyToId}), which keeps it in the thread in
     * a channel.
     *
     * @return the new activity's ID, when the Connector gave one
     * @throws Ip4botException when the Connector refuses it or cannot be reached
     */
    Optional<String> reply(ConversationRef ref, ObjectNode activity) {
        ObjectNode addressed = addressed(ref, activity);
        addressed.put("replyToId", ref.activityId());
        return post(URI.create(activities(ref) + "/" + encode(ref.activityId())), addressed, retries, "a reply");
    }

    /** Posts {@code activity} as a new message in the conversation. @see #reply */
    Optional<String> send(ConversationRef ref, ObjectNode activity) {
        return post(URI.create(activities(ref)), addressed(ref, activity), retries, "a message");
    }

    /** Shows "typing..." in the conversation for a few seconds. Best effort: a failure is only logged. */
    void typing(ConversationRef ref) {
        ObjectNode typing = Json.object().put("type", "typing");
        try {
            post(URI.create(activities(ref)), addressed(ref, typing), typingRetries, "a typing indicator");
        } catch (Ip4botException e) {
            LOG.debug("typing indicator not shown: {}", e.getMessage());
        }
    }

    private Optional<String> post(URI uri, ObjectNode activity, Retries policy, String what) {
        String body = Json.write(activity);
        String call = what + " to " + uri.getHost();
        HttpResponse<String> response = policy.send(() -> request(uri, body), call);
        if (response.statusCode() == 401) {
            // The cached token may have been revoked or rotated early: one more try with a fresh one.
            tokens.invalidate();
            response = policy.send(() -> request(uri, body), call);
        }
        if (response.statusCode() / 100 != 2) {
            String code = response.body().isBlank() ? ""
                    : Json.parse(response.body(), "the Connector's error").path("error").path("code").asText("");
            throw new Ip4botException("the Connector refused " + what + ": HTTP " + response.statusCode()
                    + (code.isEmpty() ? "" : " " + code));
        }
        if (response.body().isBlank()) {
            return Optional.empty();
        }
        String id = Json.parse(response.body(), "the Connector's answer").path("id").asText("");
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.current())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** The SDK's {@code applyConversationReference}: from and recipient swapped, the conversation copied. */
    private static ObjectNode addressed(ConversationRef ref, ObjectNode activity) {
        ObjectNode addressed = activity.deepCopy();
        addressed.putObject("from").put("id", ref.bot().id()).put("name", ref.bot().name());
        addressed.putObject("recipient").put("id", ref.user().id()).put("name", ref.user().name());
        addressed.putObject("conversation").put("id", ref.conversationId());
        addressed.put("serviceUrl", ref.serviceUrl());
        addressed.put("channelId", ref.channelId());
        return addressed;
    }

    /** {@code {serviceUrl}/v3/conversations/{id}/activities}, the conversation ID percent-encoded as a path segment. */
    private static String activities(ConversationRef ref) {
        String base = ref.serviceUrl().endsWith("/") ? ref.serviceUrl() : ref.serviceUrl() + "/";
        return base + "v3/conversations/" + encode(ref.conversationId()) + "/activities";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
