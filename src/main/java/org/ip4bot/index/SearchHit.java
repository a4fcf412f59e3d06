package org.ip4bot.index;

/**
 * A search hit before any of its stored fields are read, so that ranking can look at many candidates and read
 * the text of only the few it keeps.
 *
 * @param doc   the chunk's position in the {@link IndexSnapshot} that found it; meaningless in any other snapshot
 * @param score BM25 score for text searches, cosine similarity for vector searches
 */
public record SearchHit(int doc, float score) {
}
