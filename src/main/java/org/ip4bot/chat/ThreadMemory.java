package org.ip4bot.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few questions of each recent conversation, as the bot understood them, so a follow-up can be read in
 * context. Bounded both ways: the least recently active conversations are forgotten first. Thread-safe.
 */
final class ThreadMemory {

    private final int turnsPerConversation;
    private final Map<Conversation, Deque<String>> turns;

    ThreadMemory(int conversations, int turnsPerConversation) {
        if (conversations < 1 || turnsPerConversation < 1) {
            throw new IllegalArgumentException("memory needs room for at least one conversation and one turn");
        }
        this.turnsPerConversation = turnsPerConversation;
        this.turns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Conversation, Deque<String>> eldest) {
                return size() > conversations;
            }
        };
    }

    synchronized void remember(Conversation conversation, String question) {
        Deque<String> recent = turns.computeIfAbsent(conversation, c -> new ArrayDeque<>());
        recent.addLast(question);
        while (recent.size() > turnsPerConversation) {
            recent.removeFirst();
        }
    }

    /** The conversation's remembered questions, oldest first. */
    synchronized List<String> recent(Conversation conversation) {
        Deque<String> recent = turns.get(conversation);
        return recent == null ? List.of() : List.copyOf(recent);
    }
}
