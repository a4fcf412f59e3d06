package org.ip4bot.chat;

import java.util.List;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.DocumentRef;

/** The answer engine as a chat sees it. Implementations are thread-safe. */
public interface Library {

    /** False until an index is loaded; nothing else may be called before. */
    boolean ready();

    /** @throws org.ip4bot.answer.QuestionRejectedException with a message for the asker */
    Answer ask(String question);

    /** @throws org.ip4bot.answer.QuestionRejectedException with a message for the asker */
    Answer brief(String topic);

    /** The documents in the serving index, ordered by path. */
    List<DocumentRef> documents();
}
