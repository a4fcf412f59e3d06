package org.ip4bot.retrieval;

import org.ip4bot.index.SearchFilter;

/** Finds the passages that best answer a question. Implementations are thread-safe. */
public interface Retriever {

    /**
     * @param limit the most passages to return; fewer come back when the corpus holds fewer matches
     */
    Retrieval retrieve(String question, SearchFilter filter, int limit);

    /** The corpus version this retriever searches. */
    String corpusVersion();
}
