package org.ip4bot.answer;

import org.ip4bot.retrieval.Retrieval;

/** Writes a cited answer from retrieved passages. Implementations are thread-safe. */
public interface AnswerComposer {

    /** The answer; its latency is filled in by the caller. */
    Answer compose(Retrieval retrieval);
}
