package org.ip4bot.answer;

import java.util.List;

/**
 * Turns a follow-up in a conversation ("what about New Zealand?") into a question that stands on its own ("When did
 * New Zealand sign its IPCP?"), so that retrieval sees what is meant. Thread-safe.
 */
@FunctionalInterface
public interface QuestionRewriter {

    /**
     * @param question the new message, as typed
     * @param earlier  the conversation's earlier questions as the bot understood them, oldest first; may be empty
     * @return the question to answer; {@code question} itself when it already stands alone
     */
    String standalone(String question, List<String> earlier);
}
