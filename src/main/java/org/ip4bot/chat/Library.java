package org.ip4bot.chat;

import java.util.List;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.DocumentRef;

/** The answer engine as a chat sees it. Implementations are thread-safe. */
public interface Library {

    /** False until an index is loaded; nothing else may be called before. */
    boolean ready();

    /**
     * @param platform where the question was asked ({@link Conversation#platform()}, e.g. {@code slack}), for the
     *                 server's counts and logs; it does not change the answer
     * @throws org.ip4bot.answer.QuestionRejectedException with a message for the asker
     */
    Answer ask(String platform, String question);

    /**
     * @param platform as for {@link #ask}
     * @throws org.ip4bot.answer.QuestionRejectedException with a message for the asker
     */
    Answer brief(String platform, String topic);

    /** The documents in the serving index, ordered by path. */
    List<DocumentRef> documents();
}
