package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One Bot Framework activity as Teams sent it: typed reads over the JSON, with a missing field read as empty. The
 * JSON stays inside this package.
 */
record Activity(JsonNode json) {

    /** {@code message}, {@code conversationUpdate}, {@code invoke}, ... */
    String type() {
        return text("type");
    }

    /** The activity's ID, unique within its conversation; Teams resends the same ID when it retries. */
    String id() {
        return text("id");
    }

    String channelId() {
        return text("channelId");
    }

    String serviceUrl() {
        return text("serviceUrl");
    }

    String text() {
        return text("text");
    }

    /** For invokes: which handler, e.g. {@code message/submitAction}. */
    String name() {
        return text("name");
    }

    String replyToId() {
        return text("replyToId");
    }

    JsonNode value() {
        return json.path("value");
    }

    String conversationId() {
        return json.path("conversation").path("id").asText("");
    }

    /** {@code personal}, {@code groupChat} or {@code channel}; Teams leaves it out in some personal chats. */
    String conversationType() {
        String type = json.path("conversation").path("conversationType").asText("");
        return type.isEmpty() ? "personal" : type;
    }

    String fromId() {
        return json.path("from").path("id").asText("");
    }

    /** The sender's Entra (AAD) object ID, the ID admins are listed by; empty when Teams did not send one. */
    String fromAadObjectId() {
        return json.path("from").path("aadObjectId").asText("");
    }

    String recipientId() {
        return json.path("recipient").path("id").asText("");
    }

    /** The {@code text} of each mention entity that mentions the bot (the recipient), e.g. {@code <at>ip4bot</at>}. */
    List<String> botMentions() {
        List<String> mentions = new ArrayList<>();
        for (JsonNode entity : json.path("entities")) {
            if ("mention".equals(entity.path("type").asText())
                    && recipientId().equals(entity.path("mentioned").path("id").asText(null))) {
                mentions.add(entity.path("text").asText(""));
            }
        }
        return mentions;
    }

    /** True when a {@code conversationUpdate} says the bot itself was added. */
    boolean addsTheBot() {
        for (JsonNode member : json.path("membersAdded")) {
            if (recipientId().equals(member.path("id").asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** Where replies to this activity go; only for activities that passed authentication. */
    ConversationRef reference() {
        return new ConversationRef(serviceUrl(), channelId(), conversationId(), id(),
                new ConversationRef.Account(recipientId(), json.path("recipient").path("name").asText("")),
                new ConversationRef.Account(fromId(), json.path("from").path("name").asText("")));
    }

    private String text(String field) {
        JsonNode node = json.path(field);
        return node.isValueNode() ? node.asText("") : "";
    }
}
