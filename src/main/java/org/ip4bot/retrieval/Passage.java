package org.ip4bot.retrieval;

import java.util.Objects;
import org.ip4bot.corpus.Chunk;

/**
 * A chunk chosen for a question.
 *
 * @param chunk      the passage text and where it comes from
 * @param rank       1-based position in the final ranking
 * @param score      the fused score that produced the ranking (higher is better; only comparable within one query)
 * @param similarity cosine similarity between the question and the passage embeddings, in [-1, 1]
 */
public record Passage(Chunk chunk, int rank, double score, float similarity) {

    public Passage {
        Objects.requireNonNull(chunk, "chunk");
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based, was " + rank);
        }
    }
}
