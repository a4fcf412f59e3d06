package org.ip4bot.answer;

import org.ip4bot.retrieval.Passage;

/**
 * A sentence of a retrieved passage, judged against the question.
 *
 * @param position   index of the sentence within its passage
 * @param vector     the sentence's embedding
 * @param similarity cosine similarity to the question
 * @param coverage   share of the question's term weight (IDF) that the sentence contains, in [0, 1]
 * @param score      the combined score used to choose sentences
 */
record ScoredSentence(Passage passage, int position, String text, float[] vector, float similarity, double coverage,
        double score) {

    /** Cosine similarity of two sentences' unit-length embeddings. */
    float similarityTo(ScoredSentence other) {
        float dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
        }
        return dot;
    }
}
