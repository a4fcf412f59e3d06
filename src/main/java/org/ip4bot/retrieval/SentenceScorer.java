package org.ip4bot.retrieval;

import java.util.List;

/** Measures sentences against the question a retrieval was made for. Thread-safe. */
public interface SentenceScorer {

    /** Cosine similarity of each sentence to the question, in order. */
    List<Float> similarities(List<String> sentences);

    /** The analysed terms of a text, as the index would see them. */
    List<String> terms(String text);
}
