package org.ip4bot.retrieval;

import java.util.List;

/** Measures sentences against the question a retrieval was made for. Thread-safe. */
public interface SentenceScorer {

    /** Cosine similarity of each sentence to the question, in order. */
    List<Float> similarities(List<String> sentences);

    /** Unit-length embeddings of the sentences, in order, with the model the index uses. */
    List<float[]> embed(List<String> sentences);

    /** Cosine similarity of an embedding from {@link #embed} to the question. */
    float similarity(float[] sentenceVector);

    /** The analysed terms of a text, as the index would see them. */
    List<String> terms(String text);

    /**
     * Cosine similarity of every text in {@code rows} to every text in {@code columns}, as {@code [row][column]};
     * embeds all texts in one batch. Used to check that a cited passage supports a claim.
     */
    float[][] crossSimilarities(List<String> rows, List<String> columns);
}
