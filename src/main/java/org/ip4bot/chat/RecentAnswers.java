package org.ip4bot.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent answers by ID, so a button under an answer (share, feedback) can find what it refers to. Bounded;
 * the oldest answers are forgotten first. Thread-safe.
 */
final class RecentAnswers {

    private final Map<String, Reply.Answered> byId;

    RecentAnswers(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reply.Answered> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(Reply.Answered answered) {
        byId.put(answered.answerId(), answered);
    }

    synchronized Optional<Reply.Answered> find(String answerId) {
        return Optional.ofNullable(byId.get(answerId));
    }
}
