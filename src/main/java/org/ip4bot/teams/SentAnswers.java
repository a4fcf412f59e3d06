package org.ip4bot.teams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which answer each of the bot's recent Teams messages carried, by the message's activity ID, so the feedback on a
 * message ({@code replyToId}) can be tied to the answer. Bounded; the oldest are forgotten first. Thread-safe.
 */
final class SentAnswers {

    private final Map<String, String> answerByMessage;

    SentAnswers(int capacity) {
        this.answerByMessage = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String messageId, String answerId) {
        answerByMessage.put(messageId, answerId);
    }

    synchronized Optional<String> answerOf(String messageId) {
        return Optional.ofNullable(answerByMessage.get(messageId));
    }
}
