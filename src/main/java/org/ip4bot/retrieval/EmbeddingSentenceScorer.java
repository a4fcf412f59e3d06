package org.ip4bot.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.ip4bot.index.Embedder;
import org.ip4bot.index.IndexSnapshot;

/** Scores sentences with the same embedding model and analyser the index uses. */
final class EmbeddingSentenceScorer implements SentenceScorer {

    private final Embedder embedder;
    private final IndexSnapshot index;
    private final float[] queryVector;

    EmbeddingSentenceScorer(Embedder embedder, IndexSnapshot index, float[] queryVector) {
        this.embedder = embedder;
        this.index = index;
        this.queryVector = queryVector;
    }

    @Override
    public List<Float> similarities(List<String> sentences) {
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<Float> out = new ArrayList<>(sentences.size());
        for (float[] v : embedder.embedPassages(sentences)) {
            float dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * queryVector[i];
            }
            out.add(dot);
        }
        return out;
    }

    @Override
    public List<String> terms(String text) {
        return index.analyze(text);
    }
}
