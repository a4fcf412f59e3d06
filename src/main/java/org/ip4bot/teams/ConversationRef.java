package org.ip4bot.teams;

import java.util.Objects;

/**
 * Where a reply goes and who it is from: the authenticated incoming activity's addressing, swapped round for the
 * bot's answer (the SDK's {@code applyConversationReference}).
 *
 * @param serviceUrl     the Connector that sent the activity; the only place its replies may go
 * @param channelId      {@code msteams}
 * @param conversationId the chat, or the channel thread ({@code 19:...@thread.tacv2;messageid=...})
 * @param activityId     the incoming activity, which a reply answers ({@code replyToId})
 * @param bot            the bot's account (the incoming activity's recipient)
 * @param user           the sender's account
 */
record ConversationRef(String serviceUrl, String channelId, String conversationId, String activityId, Account bot,
        Account user) {

    ConversationRef {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(user, "user");
    }

    /** A Teams account: {@code 28:<app id>} for the bot, {@code 29:...} for a user. */
    record Account(String id, String name) {
    }
}
