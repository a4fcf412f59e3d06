package org.ip4bot.answer;

import org.ip4bot.retrieval.Passage;

/**
 * A sentence of a retrieved passage, judged against the question.
 *
 * @param position   index of the sentence within its passage
 * @param similarity cosine similarity to the question
 * @param coverage   share of the question's term weight (IDF) that the sentence contains, in [0, 1]
 * @param score      the combined score used to choose sentences
 */
record ScoredSentence(Passage passage, int position, String text, float similarity, double coverage, double score) {
}
