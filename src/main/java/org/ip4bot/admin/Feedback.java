package org.ip4bot.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One click on a feedback button under an answer.
 *
 * @param at            when it was clicked
 * @param platform      where, e.g. {@code slack}
 * @param userId        who clicked, in that platform's IDs
 * @param value         {@code helpful}, {@code not_helpful} or {@code wrong_source}
 * @param answerId      the answer's ID, as carried by the button
 * @param question      the question as the bot understood it, or empty when the answer is no longer remembered
 * @param citations     the cited document paths, in citation order
 * @param corpusVersion the corpus that answered, or empty when unknown
 */
public record Feedback(Instant at, String platform, String userId, String value, String answerId, String question,
        List<String> citations, String corpusVersion) {

    public static final Set<String> VALUES = Set.of("helpful", "not_helpful", "wrong_source");

    public Feedback {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        if (!VALUES.contains(value)) {
            throw new IllegalArgumentException("feedback value must be one of " + VALUES + ", was '" + value + "'");
        }
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(question, "question");
        citations = List.copyOf(citations);
        Objects.requireNonNull(corpusVersion, "corpusVersion");
    }
}
