package org.ip4bot.index;

import java.util.Objects;
import org.ip4bot.corpus.Chunk;

/**
 * A chunk found by one search, with that search's score and the chunk's stored embedding.
 *
 * @param score BM25 score for text searches, cosine similarity for vector searches
 */
public record ScoredChunk(Chunk chunk, float score, float[] vector) {

    public ScoredChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
    }

    /** Cosine similarity of this chunk to a unit-length query vector. */
    public float similarityTo(float[] queryVector) {
        float dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * queryVector[i];
        }
        return dot;
    }
}
