package org.ip4bot.chat;

import java.util.Objects;

/**
 * One message to the bot, with the platform's markup already removed.
 *
 * @param conversation where it was said, for follow-ups
 * @param userId       who said it
 * @param text         what was said, as plain text
 */
public record Incoming(Conversation conversation, String userId, String text) {

    public Incoming {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
    }
}
