package org.ip4bot.chat;

import java.util.Objects;

/**
 * Where turns follow one another: a thread in a channel, or a direct-message conversation.
 *
 * @param platform e.g. {@code slack}
 * @param channel  the platform's channel or conversation ID
 * @param thread   the thread's ID within the channel, or empty for a conversation without threads
 */
public record Conversation(String platform, String channel, String thread) {

    public Conversation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(thread, "thread");
    }
}
