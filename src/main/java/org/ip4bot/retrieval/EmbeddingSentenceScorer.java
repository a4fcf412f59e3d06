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
        List<Float> out = new ArrayList<>(sentences.size());
        embed(sentences).forEach(v -> out.add(similarity(v)));
        return out;
    }

    @Override
    public List<float[]> embed(List<String> sentences) {
        return sentences.isEmpty() ? List.of() : embedder.embedPassages(sentences);
    }

    @Override
    public float similarity(float[] v) {
        float dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * queryVector[i];
        }
        return dot;
    }

    @Override
    public List<String> terms(String text) {
        return index.analyze(text);
    }

    @Override
    public float[][] crossSimilarities(List<String> rows, List<String> columns) {
        float[][] out = new float[rows.size()][columns.size()];
        if (rows.isEmpty() || columns.isEmpty()) {
            return out;
        }
        List<String> all = new ArrayList<>(rows);
        all.addAll(columns);
        List<float[]> vectors = embedder.embedPassages(all);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                out[r][c] = dot(vectors.get(r), vectors.get(rows.size() + c));
            }
        }
        return out;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
